import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Input, InputNumber, Progress, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import { useSession } from "../../auth/session-context.ts";
import { QueryState } from "../../components/query-state.tsx";
import { gradeColor } from "./model.ts";

/** Grade distribution and grades of a jurisdiction's institutions for a year; re-grade (administrators). */
export function InstitutionsTab() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { user } = useSession();
  const [year, setYear] = useState(new Date().getFullYear());
  const [code, setCode] = useState(user?.jurisdictionCode ?? "440000");
  const [grade, setGrade] = useState<string | undefined>(undefined);
  const valid = /^\d{6}$/.test(code);
  const dist = useQuery({
    ...trpc.credit.institutions.gradeDistribution.queryOptions({ year, jurisdictionCode: code }),
    enabled: valid,
  });
  const grades = useQuery({
    ...trpc.credit.institutions.grades.queryOptions({
      year,
      jurisdictionCode: code,
      ...(grade ? { grade } : {}),
      limit: 200,
    }),
    enabled: valid,
  });
  const regrade = useMutation(
    trpc.credit.institutions.regrade.mutationOptions({
      onSuccess: (r) => {
        void message.success(
          `已重新评定${r.counts.reduce((s, c) => s + c.graded, 0)}家机构，用时${(r.ms / 1000).toFixed(1)}秒`,
        );
        void qc.invalidateQueries({ queryKey: trpc.credit.pathKey() });
      },
      onError: (e) => void message.error(formatApiError(e)),
    }),
  );

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <InputNumber
          aria-label="年度"
          value={year}
          min={2020}
          max={2100}
          onChange={(v) => v && setYear(v)}
          addonAfter="年度"
        />
        <Input
          style={{ width: 150 }}
          aria-label="地区代码"
          value={code}
          onChange={(e) => setCode(e.target.value.trim())}
          addonBefore="地区代码"
        />
        {user?.role === "admin" && (
          <Button loading={regrade.isPending} onClick={() => regrade.mutate({ year })}>
            重新评定本年度（全部地区）
          </Button>
        )}
      </Space>
      {valid && (
        <QueryState query={dist} isEmpty={(d) => d.total === 0} emptyText="该地区本年度暂无评定结果">
          {(d) => {
            const keys = Object.keys(d.counts);
            return (
              <Space orientation="vertical" style={{ width: 480 }}>
                <Typography.Text>共{d.total}家机构</Typography.Text>
                {keys.map((g, i) => (
                  <Space key={g} style={{ width: "100%" }}>
                    <Tag color={gradeColor(i, keys.length)} style={{ width: 40, textAlign: "center" }}>
                      {g}
                    </Tag>
                    <Progress style={{ width: 300 }} percent={Math.round((d.shares[g] ?? 0) * 1000) / 10} />
                    <Typography.Text>{d.counts[g]}家</Typography.Text>
                  </Space>
                ))}
              </Space>
            );
          }}
        </QueryState>
      )}
      {valid && (
        <>
          <Select
            allowClear
            aria-label="按等级筛选"
            placeholder="按等级筛选"
            style={{ width: 150 }}
            value={grade}
            onChange={setGrade}
            options={Object.keys(dist.data?.counts ?? {}).map((g) => ({ value: g, label: `${g}级` }))}
          />
          <QueryState query={grades} isEmpty={(d) => d.length === 0} emptyText="暂无评定结果">
            {(rows) => (
              <Table
                rowKey="institutionCode"
                size="middle"
                dataSource={rows}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: "机构编码", dataIndex: "institutionCode", width: 130 },
                  { title: "机构名称", dataIndex: "name" },
                  { title: "地区", dataIndex: "jurisdictionCode", width: 90 },
                  { title: "得分", dataIndex: "score", width: 80 },
                  { title: "等级", dataIndex: "grade", width: 70, render: (g: string) => <Tag>{g}</Tag> },
                  { title: "评定依据", dataIndex: "reason" },
                  {
                    title: "监管措施",
                    dataIndex: "measures",
                    width: 200,
                    render: (m: string[]) => m.join("、"),
                  },
                ]}
              />
            )}
          </QueryState>
        </>
      )}
    </Space>
  );
}
