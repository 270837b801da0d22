import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Popconfirm, Space, Typography } from "antd";
import type dayjs from "dayjs";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import { QueryState } from "../../components/query-state.tsx";
import { type ParamRow, parametersOf, policyFieldLabel, rowsFromProposals } from "./model.ts";
import { ParameterGrid } from "./parameter-grid.tsx";

/**
 * One document: its fields, its parameter grid (saved as a patch with the version read, so a
 * stale save is refused naming who saved first) and 废止 on a date.
 */
export function DocumentDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const doc = useQuery(trpc.policies.get.queryOptions({ id }));
  const [rows, setRows] = useState<ParamRow[]>([]);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [repealOn, setRepealOn] = useState<dayjs.Dayjs | null>(null);
  const update = useMutation(trpc.policies.update.mutationOptions());
  const repeal = useMutation(trpc.policies.repeal.mutationOptions());
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  // Load the grid from the stored document when a new version arrives — never over unsaved edits
  // (a stale save is then refused by the server, naming who saved first).
  if (doc.data && doc.data.version !== loadedVersion && !dirty) {
    setLoadedVersion(doc.data.version);
    setRows(rowsFromProposals(doc.data.parameters));
  }

  const save = async () => {
    const p = parametersOf(rows);
    if (!p.ok || !doc.data) {
      setError(p.ok ? null : `参数表第${p.incomplete.join("、")}行尚未填写险种或数值`);
      return;
    }
    try {
      await update.mutateAsync({ id, version: doc.data.version, data: { parameters: p.parameters } });
      void message.success("已保存");
      setError(null);
      setDirty(false);
      onChanged();
      await doc.refetch();
    } catch (e) {
      setError(formatApiError(e, policyFieldLabel));
    }
  };

  const doRepeal = async () => {
    if (!doc.data || !repealOn) return;
    try {
      await repeal.mutateAsync({ id, version: doc.data.version, repealedOn: repealOn.format("YYYY-MM-DD") });
      void message.success("已废止");
      onChanged();
      await doc.refetch();
    } catch (e) {
      setError(formatApiError(e, policyFieldLabel));
    }
  };

  return (
    <Drawer open size={1240} title={doc.data?.title ?? "政策文件"} onClose={onClose}>
      <QueryState query={doc}>
        {(d) => (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Descriptions size="small" column={3} bordered>
              <Descriptions.Item label="文号">{d.docNumber ?? "—"}</Descriptions.Item>
              <Descriptions.Item label="发文机关">{d.issuer}</Descriptions.Item>
              <Descriptions.Item label="生效日期">{d.effectiveFrom}</Descriptions.Item>
              <Descriptions.Item label="失效日期">{d.effectiveTo ?? "—"}</Descriptions.Item>
              <Descriptions.Item label="废止日期">{d.repealedOn ?? "—"}</Descriptions.Item>
              <Descriptions.Item label="最后修改">{d.updatedBy ?? "—"}</Descriptions.Item>
            </Descriptions>
            <Space>
              <Typography.Text strong>参数表</Typography.Text>
              <Button
                type="primary"
                size="small"
                disabled={!dirty}
                loading={update.isPending}
                onClick={() => void save()}
              >
                保存参数表
              </Button>
            </Space>
            <ParameterGrid
              rows={rows}
              onChange={(r) => {
                setRows(r);
                setDirty(true);
                setError(null);
              }}
            />
            {error && <Alert type="error" showIcon title={error} />}
            {d.status !== "repealed" && (
              <Space>
                <span>废止日期</span>
                <DatePicker aria-label="废止日期" value={repealOn} onChange={setRepealOn} />
                <Popconfirm
                  title="确认废止该文件？其参数自废止日期起不再执行"
                  onConfirm={() => void doRepeal()}
                  okText="废止"
                  cancelText="取消"
                >
                  <Button danger disabled={!repealOn}>
                    废止
                  </Button>
                </Popconfirm>
              </Space>
            )}
          </Space>
        )}
      </QueryState>
    </Drawer>
  );
}
