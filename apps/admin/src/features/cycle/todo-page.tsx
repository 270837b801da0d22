import { useQuery } from "@tanstack/react-query";
import { Alert, Flex, Table, Typography } from "antd";
import { useTRPC } from "../../api/trpc.ts";
import type { RouterOutputs } from "../../api/types.ts";
import { QueryState } from "../../components/query-state.tsx";
import { formatTime } from "../../lib/time.ts";
import { Link } from "../../router/link.tsx";
import { CycleStateTag } from "./cycle-state-tag.tsx";

type Item = RouterOutputs["cycle"]["todo"][number];

/**
 * 我的填报: a clerk's to-do — their level's plans and years due (open reporting windows), the
 * deadline, the state, "已填 12/16", returned years first with the reason, reminders 7 days
 * before the deadline and when overdue.
 */
export default function TodoPage() {
  const trpc = useTRPC();
  const todo = useQuery(trpc.cycle.todo.queryOptions());
  return (
    <>
      <h1 className="page-title">我的填报</h1>
      <QueryState query={todo} isEmpty={(l) => l.length === 0} emptyText="暂无待填报的年度">
        {(items) => (
          <Flex vertical gap={12}>
            {items.some((i) => i.reminder === "overdue") ? (
              <Alert
                type="error"
                showIcon
                message={`有 ${items.filter((i) => i.reminder === "overdue").length} 项已逾期，请尽快填报提交`}
              />
            ) : null}
            {items.some((i) => i.reminder === "dueSoon") ? (
              <Alert
                type="warning"
                showIcon
                message={`有 ${items.filter((i) => i.reminder === "dueSoon").length} 项将在 7 天内截止`}
              />
            ) : null}
            <Table<Item>
              rowKey={(i) => `${i.planId}/${i.year}`}
              size="small"
              pagination={false}
              dataSource={items}
              columns={[
                { title: "规划", dataIndex: "title" },
                { title: "年度", dataIndex: "year", width: 80, render: (y: number) => `${y}年` },
                {
                  title: "截止日期",
                  dataIndex: "deadline",
                  width: 120,
                  render: (d: string | null) => d ?? "—",
                },
                {
                  title: "状态",
                  dataIndex: "state",
                  width: 90,
                  render: (_: unknown, i) => <CycleStateTag state={i.state} />,
                },
                {
                  title: "完成情况",
                  width: 110,
                  render: (_: unknown, i) => `已填 ${i.completeness.filled}/${i.completeness.total}`,
                },
                {
                  title: "退回原因",
                  render: (_: unknown, i) =>
                    i.state === "returned" ? (
                      <Typography.Text type="danger">
                        {i.returnReason}（{i.reviewedBy} {formatTime(i.reviewedAt)}）
                      </Typography.Text>
                    ) : null,
                },
                {
                  title: "",
                  width: 90,
                  render: (_: unknown, i) => (
                    <Link to={`/plans/${i.planId}/entry?year=${i.year}`}>去填报</Link>
                  ),
                },
              ]}
            />
          </Flex>
        )}
      </QueryState>
    </>
  );
}
