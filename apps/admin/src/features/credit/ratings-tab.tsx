import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Modal, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import { useSession } from "../../auth/session-context.ts";
import { QueryState } from "../../components/query-state.tsx";
import { parseQuarter, ratingsProvince, recentQuarters, severityColor, withQuarter } from "./model.ts";

const severityOptions = [
  { value: 1, label: "全部失信等级" },
  { value: 3, label: "严重及以上" },
  { value: 4, label: "特别严重" },
];

/**
 * Ratings of a quarter with reasons; a company's history in a dialog; recompute (administrators).
 * `initialQuarter` ("2022Q2", from the address) opens an older quarter than the list offers.
 */
export function RatingsTab({ initialQuarter }: { initialQuarter?: string | null }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { user } = useSession();
  const quarters = withQuarter(recentQuarters(new Date(), 20), parseQuarter(initialQuarter));
  const [q, setQ] = useState(parseQuarter(initialQuarter) ?? quarters[0]!);
  const [minSeverity, setMinSeverity] = useState(1);
  const [companyId, setCompanyId] = useState<string | null>(null);
  const province = user.role === "admin" ? undefined : ratingsProvince(user.jurisdictionCode);
  const ratings = useQuery(
    trpc.credit.companies.ratings.queryOptions({
      year: q.year,
      quarter: q.quarter,
      minSeverity,
      ...(province ? { province } : {}),
    }),
  );
  const history = useQuery({
    ...trpc.credit.companies.history.queryOptions({ companyId: companyId ?? "" }),
    enabled: companyId !== null,
  });
  const recompute = useMutation(
    trpc.credit.companies.recomputeRatings.mutationOptions({
      onSuccess: (r) => {
        void message.success(
          `已评级${r.ratings}家（有失信等级${r.rated}家）${r.issues.length ? `，${r.issues.length}条记录无法评级` : ""}`,
        );
        for (const i of r.issues.slice(0, 5)) void message.warning(i.message);
        void qc.invalidateQueries({ queryKey: trpc.credit.pathKey() });
      },
      onError: (e) => void message.error(formatApiError(e)),
    }),
  );

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <Select
          style={{ width: 170 }}
          aria-label="评级季度"
          value={`${q.year}-${q.quarter}`}
          onChange={(v) => setQ(quarters.find((x) => `${x.year}-${x.quarter}` === v)!)}
          options={quarters.map((x) => ({ value: `${x.year}-${x.quarter}`, label: x.label }))}
        />
        <Select
          style={{ width: 150 }}
          aria-label="失信等级"
          value={minSeverity}
          onChange={setMinSeverity}
          options={severityOptions}
        />
        {user?.role === "admin" && (
          <Button
            loading={recompute.isPending}
            onClick={() => recompute.mutate({ year: q.year, quarter: q.quarter })}
          >
            重新评级本季度
          </Button>
        )}
      </Space>
      <QueryState
        query={ratings}
        isEmpty={(d) => d.length === 0}
        emptyText="本季度暂无评级结果（录入失信事项后请重新评级）"
      >
        {(rows) => (
          <Table
            rowKey={(r) => `${r.companyId}|${r.provinceCode}`}
            size="middle"
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: "企业",
                dataIndex: "companyName",
                render: (name: string, r) => (
                  <Typography.Link onClick={() => setCompanyId(r.companyId)}>{name}</Typography.Link>
                ),
              },
              { title: "评价省份", dataIndex: "provinceCode", width: 100 },
              {
                title: "失信等级",
                width: 130,
                render: (_, r) =>
                  r.levelLabel ? <Tag color={severityColor(r.severity)}>{r.levelLabel}</Tag> : <Tag>无</Tag>,
              },
              { title: "评级依据", dataIndex: "reason" },
              {
                title: "标准",
                dataIndex: "standard",
                width: 80,
                render: (v: string | null) => (v ? `${v}版` : "—"),
              },
              {
                title: "有效期至",
                dataIndex: "expiresOn",
                width: 110,
                render: (v: string | null) => v ?? "—",
              },
            ]}
          />
        )}
      </QueryState>
      <Modal
        open={companyId !== null}
        title="企业信用评级历史"
        width={900}
        footer={null}
        onCancel={() => setCompanyId(null)}
      >
        <QueryState query={history} isEmpty={(d) => d.length === 0}>
          {(rows) => (
            <Table
              rowKey={(r) => `${r.year}-${r.quarter}-${r.provinceCode}`}
              size="small"
              dataSource={rows}
              pagination={false}
              columns={[
                { title: "季度", width: 120, render: (_, r) => `${r.year}年第${r.quarter}季度` },
                { title: "省份", dataIndex: "provinceCode", width: 90 },
                {
                  title: "等级",
                  width: 120,
                  render: (_, r) =>
                    r.levelLabel ? <Tag color={severityColor(r.severity)}>{r.levelLabel}</Tag> : "无",
                },
                { title: "依据", dataIndex: "reason" },
              ]}
            />
          )}
        </QueryState>
      </Modal>
    </Space>
  );
}
