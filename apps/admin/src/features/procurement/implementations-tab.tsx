import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import { QueryState } from "../../components/query-state.tsx";
import { JurisdictionSelect } from "./jurisdiction-select.tsx";

interface Editing {
  id: string | null;
  version: number | null;
  batchId: string | null;
}

interface FormValues {
  batchId: string;
  startDate: dayjs.Dayjs;
  agreedVolume: number | null;
  completionRatePct: number | null;
  savingsWanYuan: number | null;
  note: string | null;
}

/** Implementation records of a jurisdiction, with those inherited from its province or city. */
export function ImplementationsTab({ initialCode }: { initialCode: string | null }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [code, setCode] = useState<string | null>(initialCode);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<FormValues>();
  const list = useQuery({
    ...trpc.procurement.implementations.list.queryOptions({ jurisdictionCode: code ?? "000000" }),
    enabled: code !== null,
  });
  const batches = useQuery(trpc.procurement.batches.list.queryOptions({}));
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.procurement.pathKey() });
  const onError = (e: unknown) => void message.error(formatApiError(e));
  const create = useMutation(
    trpc.procurement.implementations.create.mutationOptions({ onSuccess: refresh, onError }),
  );
  const update = useMutation(
    trpc.procurement.implementations.update.mutationOptions({ onSuccess: refresh, onError }),
  );
  const remove = useMutation(
    trpc.procurement.implementations.delete.mutationOptions({ onSuccess: refresh, onError }),
  );

  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      startDate: v.startDate.format("YYYY-MM-DD"),
      agreedVolume: v.agreedVolume ?? null,
      completionRatePct: v.completionRatePct ?? null,
      savingsWanYuan: v.savingsWanYuan ?? null,
      note: v.note?.trim() ? v.note.trim() : null,
    };
    if (editing?.id && editing.version !== null) {
      await update.mutateAsync({ id: editing.id, version: editing.version, data: fields });
    } else if (code) {
      await create.mutateAsync({ ...fields, batchId: v.batchId, jurisdictionCode: code });
    }
    setEditing(null);
    void message.success("已保存");
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <JurisdictionSelect value={code} onChange={setCode} />
        <Button
          type="primary"
          disabled={code === null}
          onClick={() => {
            form.resetFields();
            setEditing({ id: null, version: null, batchId: null });
          }}
        >
          新增执行记录
        </Button>
      </Space>
      {code !== null && (
        <QueryState query={list} isEmpty={(d) => d.length === 0} emptyText="该地区暂无执行记录">
          {(rows) => (
            <Table
              rowKey="id"
              size="middle"
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                {
                  title: "批次",
                  dataIndex: "batchName",
                  render: (name: string, r) => (
                    <Space size={4}>
                      {name}
                      {r.inherited && <Tag>上级执行（{r.jurisdictionName}）</Tag>}
                    </Space>
                  ),
                },
                { title: "执行日期", dataIndex: "startDate", width: 110 },
                {
                  title: "约定采购量",
                  dataIndex: "agreedVolume",
                  width: 110,
                  render: (v: number | null) => v ?? "—",
                },
                {
                  title: "完成率",
                  dataIndex: "completionRatePct",
                  width: 90,
                  render: (v: number | null) => (v === null ? "—" : `${v}%`),
                },
                {
                  title: "节约金额（万元）",
                  dataIndex: "savingsWanYuan",
                  width: 140,
                  render: (v: number | null) => v ?? "—",
                },
                {
                  title: "最后修改",
                  dataIndex: "updatedBy",
                  width: 110,
                  render: (v: string | null) => v ?? "",
                },
                {
                  title: "操作",
                  width: 140,
                  render: (_, r) =>
                    r.inherited ? null : (
                      <Space>
                        <Button
                          size="small"
                          onClick={() => {
                            form.setFieldsValue({
                              batchId: r.batchId,
                              startDate: dayjs(r.startDate),
                              agreedVolume: r.agreedVolume,
                              completionRatePct: r.completionRatePct,
                              savingsWanYuan: r.savingsWanYuan,
                              note: r.note,
                            });
                            setEditing({ id: r.id, version: r.version, batchId: r.batchId });
                          }}
                        >
                          编辑
                        </Button>
                        <Popconfirm
                          title="确定删除该执行记录？"
                          onConfirm={() => remove.mutate({ id: r.id, version: r.version })}
                        >
                          <Button size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]}
            />
          )}
        </QueryState>
      )}
      <Modal
        open={editing !== null}
        title={editing?.id ? "编辑执行记录" : "新增执行记录"}
        okText="保存"
        cancelText="取消"
        confirmLoading={create.isPending || update.isPending}
        onOk={() => void save().catch(() => {})}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="batchId" label="批次" rules={[{ required: true, message: "请选择批次" }]}>
            <Select
              disabled={Boolean(editing?.id)}
              showSearch
              optionFilterProp="label"
              options={(batches.data ?? []).map((b) => ({
                value: b.id,
                label: `${b.name}（${b.categoryLabel}）`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="startDate"
            label="执行日期"
            rules={[{ required: true, message: "请选择执行日期" }]}
          >
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="agreedVolume" label="约定采购量">
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="completionRatePct" label="完成率（%）">
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="savingsWanYuan" label="节约金额（万元）">
            <InputNumber style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
