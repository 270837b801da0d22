import { useQuery } from "@tanstack/react-query";
import { Card, Flex, Select, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { useTRPC } from "../../api/trpc.ts";
import type { RouterOutputs } from "../../api/types.ts";
import { useSession } from "../../auth/session-context.ts";
import { QueryState } from "../../components/query-state.tsx";
import { formatTime } from "../../lib/time.ts";
import { Link } from "../../router/link.tsx";
import { CycleStateTag } from "./cycle-state-tag.tsx";
import { WindowsCard } from "./windows-card.tsx";

type QueueItem = RouterOutputs["cycle"]["queue"][number];
type Row = RouterOutputs["cycle"]["completeness"]["rows"][number];

const bucketLabels: Record<Row["bucket"], string> = {
  approved: "已通过",
  submitted: "已提交",
  notSubmitted: "未提交",
  returned: "退回",
  overdue: "逾期",
};

/**
 * 审核与进度: the reviewer's 待审核 queue (submitted years below their jurisdiction) and the
 * completeness of their subtree for a year (已通过 / 已提交 / 未提交 / 退回 / 逾期), with reminders.
 */
export default function ReviewPage() {
  const trpc = useTRPC();
  const { user } = useSession();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const provinces = useQuery({
    ...trpc.jurisdictions.list.queryOptions({ level: "province", pageSize: 100 }),
    enabled: user.jurisdictionCode === null,
  });
  const [picked, setPicked] = useState<string | null>(null);
  const root = user.jurisdictionCode ?? picked ?? provinces.data?.items[0]?.code ?? null;
  const queue = useQuery(trpc.cycle.queue.queryOptions({}));
  const view = useQuery({
    ...trpc.cycle.completeness.queryOptions({ rootCode: root ?? "000000", year }),
    enabled: root !== null,
  });

  return (
    <>
      <h1 className="page-title">审核与进度</h1>
      {user.role === "admin" ? (
        <WindowsCard
          year={year}
          provinces={(provinces.data?.items ?? []).map((p) => ({ code: p.code, name: p.name }))}
        />
      ) : null}
      <Card size="small" title="待审核" style={{ marginBottom: 16 }}>
        <QueryState query={queue} isEmpty={(l) => l.length === 0} emptyText="暂无待审核的填报">
          {(items) => (
            <Table<QueueItem>
              data-testid="review-queue"
              rowKey={(i) => `${i.planId}/${i.year}`}
              size="small"
              pagination={false}
              dataSource={items}
              columns={[
                { title: "地区", dataIndex: "jurisdictionName", width: 120 },
                { title: "规划", dataIndex: "title" },
                { title: "年度", dataIndex: "year", width: 80, render: (y: number) => `${y}年` },
                { title: "提交人", dataIndex: "submittedBy", width: 120 },
                {
                  title: "提交时间",
                  dataIndex: "submittedAt",
                  width: 150,
                  render: (t: string | null) => formatTime(t),
                },
                {
                  title: "",
                  width: 90,
                  render: (_: unknown, i) => <Link to={`/plans/${i.planId}/entry?year=${i.year}`}>审核</Link>,
                },
              ]}
            />
          )}
        </QueryState>
      </Card>
      <Card
        size="small"
        title="填报进度"
        extra={
          <Flex gap={8} align="center">
            {user.jurisdictionCode === null ? (
              <Select
                aria-label="地区"
                style={{ width: 140 }}
                value={root}
                options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
                onChange={(c: string) => setPicked(c)}
              />
            ) : null}
            <Select
              aria-label="年度"
              style={{ width: 100 }}
              value={year}
              options={[thisYear - 3, thisYear - 2, thisYear - 1, thisYear].map((y) => ({
                value: y,
                label: `${y}年`,
              }))}
              onChange={(y: number) => setYear(y)}
            />
          </Flex>
        }
      >
        <QueryState query={view}>
          {(v) => (
            <Flex vertical gap={12}>
              <Flex gap={32}>
                {(Object.keys(bucketLabels) as Row["bucket"][]).map((b) => (
                  <Statistic key={b} title={bucketLabels[b]} value={v.totals[b]} />
                ))}
              </Flex>
              <Table<Row>
                rowKey="planId"
                size="small"
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                dataSource={v.rows}
                columns={[
                  { title: "地区", dataIndex: "jurisdictionName", width: 120 },
                  { title: "规划", dataIndex: "title" },
                  { title: "状态", width: 90, render: (_: unknown, r) => <CycleStateTag state={r.state} /> },
                  { title: "进度", width: 90, render: (_: unknown, r) => bucketLabels[r.bucket] },
                  {
                    title: "已填",
                    width: 90,
                    render: (_: unknown, r) => `${r.completeness.filled}/${r.completeness.total}`,
                  },
                  {
                    title: "截止日期",
                    dataIndex: "deadline",
                    width: 110,
                    render: (d: string | null) => d ?? "—",
                  },
                  {
                    title: "提醒",
                    width: 100,
                    render: (_: unknown, r) =>
                      r.reminder === "overdue" ? (
                        <Typography.Text type="danger">已逾期</Typography.Text>
                      ) : r.reminder === "dueSoon" ? (
                        <Typography.Text type="warning">7天内截止</Typography.Text>
                      ) : null,
                  },
                ]}
              />
            </Flex>
          )}
        </QueryState>
      </Card>
    </>
  );
}
