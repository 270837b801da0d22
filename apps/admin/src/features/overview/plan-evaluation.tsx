import { useQuery } from "@tanstack/react-query";
import { Card, Flex, Table, Typography } from "antd";
import { useTRPC } from "../../api/trpc.ts";
import type { PlanMatrix } from "../../api/types.ts";
import { can } from "../../auth/roles.ts";
import { useSession } from "../../auth/session-context.ts";
import { MarkedText } from "../../components/marked-text.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { VerdictTag } from "../../components/verdict-tag.tsx";
import { Link } from "../../router/link.tsx";
import { IndicatorChart } from "./indicator-chart.tsx";
import { VerdictCounts } from "./verdict-counts.tsx";
import { VerdictMatrix } from "./verdict-matrix.tsx";

type EvaluationRow = PlanMatrix["evaluations"][number];

/** One plan in one year: counts, the verdict list (breaches first), the colour matrix and a chart. */
export function PlanEvaluation({
  planId,
  year,
  selectedIndicator,
  onSelectIndicator,
}: {
  planId: string;
  year: number;
  selectedIndicator: string | null;
  onSelectIndicator: (id: string) => void;
}) {
  const trpc = useTRPC();
  const matrix = useQuery(trpc.evaluation.matrix.queryOptions({ planId, year }));
  // A read-only user is not offered data entry (the grid would open read-only).
  const canEnter = can.enterData(useSession().user.role);
  return (
    <QueryState query={matrix} isEmpty={(m) => m.rows.length === 0} emptyText="该规划没有指标">
      {(m) => {
        const chosen = selectedIndicator ?? m.evaluations[0]?.indicatorId ?? null;
        return (
          <Flex vertical gap={12}>
            <Card
              size="small"
              title={
                <span>
                  {m.plan.title} · {year}年评估
                </span>
              }
              extra={
                <Flex gap={12}>
                  {canEnter ? <Link to={`/plans/${planId}/entry?year=${year}`}>填报{year}年数据</Link> : null}
                  <Link to={`/plans/${planId}`}>规划详情</Link>
                </Flex>
              }
            >
              <Flex vertical gap={12}>
                <VerdictCounts
                  counts={m.counts}
                  breaches={m.breaches}
                  bindingWithoutData={m.bindingWithoutData}
                />
                <div data-testid="evaluation-table">
                  <EvaluationTable rows={m.evaluations} onSelect={onSelectIndicator} />
                </div>
              </Flex>
            </Card>
            <Card size="small" title="指标 × 年度 评估矩阵（点击查看趋势）">
              <VerdictMatrix matrix={m} selected={chosen} onSelect={onSelectIndicator} />
            </Card>
            {chosen ? <ChartCard planId={planId} matrix={m} indicatorId={chosen} /> : null}
            {m.work.length > 0 ? (
              <Card size="small" title={`工作指标 · ${year}年（属于重点任务或专栏项目，不计入主要指标）`}>
                <div data-testid="work-evaluation-table">
                  <WorkTable rows={m.work} year={year} />
                </div>
              </Card>
            ) : null}
          </Flex>
        );
      }}
    </QueryState>
  );
}

function EvaluationTable({ rows, onSelect }: { rows: EvaluationRow[]; onSelect: (id: string) => void }) {
  return (
    <Table<EvaluationRow>
      size="small"
      rowKey="indicatorId"
      dataSource={rows}
      pagination={rows.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
      columns={[
        {
          title: "指标",
          dataIndex: "name",
          width: 220,
          render: (name: string, r) => (
            <button type="button" className="link-button" onClick={() => onSelect(r.indicatorId)}>
              <MarkedText text={name} />
            </button>
          ),
        },
        {
          title: "属性",
          dataIndex: "attribute",
          width: 64,
          render: (a: string) => (a === "binding" ? "约束性" : "预期性"),
        },
        {
          title: "目标",
          dataIndex: "targetText",
          width: 110,
          ellipsis: true,
          render: (t: string) => <MarkedText text={t} />,
        },
        {
          title: "实际",
          width: 90,
          render: (_, r) => (r.inputs.actual === null ? "—" : `${r.inputs.actual}${r.inputs.unit ?? ""}`),
        },
        {
          title: "评估结果",
          width: 130,
          render: (_, r) => <VerdictTag verdict={r.verdict} breach={r.breach} />,
        },
        { title: "说明", dataIndex: "explanation" },
      ]}
    />
  );
}

type WorkRow = PlanMatrix["work"][number];
const opSigns: Record<string, string> = { gte: "≥", gt: ">", lte: "≤", lt: "<" };

/** The work indicators judged this year: the target in force (a year's own stage) and the verdict. */
function WorkTable({ rows, year }: { rows: WorkRow[]; year: number }) {
  return (
    <Table<WorkRow>
      size="small"
      rowKey="indicatorId"
      dataSource={rows}
      pagination={false}
      columns={[
        { title: "指标", dataIndex: "name", width: 260 },
        {
          title: `${year}年目标`,
          width: 110,
          render: (_, r) =>
            r.inputs.targetValue === null || r.inputs.targetValue === undefined
              ? r.targetText
              : `${opSigns[r.inputs.targetOp ?? ""] ?? ""}${r.inputs.targetValue}${r.inputs.unit ?? r.unit ?? ""}`,
        },
        {
          title: "实际",
          width: 90,
          render: (_, r) => (r.inputs.actual === null ? "—" : `${r.inputs.actual}${r.inputs.unit ?? ""}`),
        },
        {
          title: "评估结果",
          width: 130,
          render: (_, r) => <VerdictTag verdict={r.verdict} breach={r.breach} />,
        },
        { title: "说明", dataIndex: "explanation" },
      ]}
    />
  );
}

function ChartCard({
  planId,
  matrix,
  indicatorId,
}: {
  planId: string;
  matrix: PlanMatrix;
  indicatorId: string;
}) {
  const trpc = useTRPC();
  const obs = useQuery(trpc.observations.list.queryOptions({ planId }));
  const ev = matrix.evaluations.find((e) => e.indicatorId === indicatorId);
  const row = matrix.rows.find((r) => r.indicatorId === indicatorId);
  if (!ev || !row) return null;
  return (
    <Card size="small" title={`${row.name} 趋势：实际值、规划目标与时序进度线`}>
      <QueryState query={obs}>
        {(list) => {
          const actual = list
            .filter((o) => o.indicatorId === indicatorId && o.value.kind === "number")
            .map((o) => ({ year: o.year, value: o.value.kind === "number" ? o.value.value : null }));
          if (ev.inputs.targetValue === null && actual.length === 0) {
            return (
              <Typography.Text type="secondary">
                该指标为定性或里程碑目标，无可绘制的数值。{ev.explanation}
              </Typography.Text>
            );
          }
          return (
            <IndicatorChart
              name={row.name}
              unit={ev.inputs.unit ?? row.unit}
              baselineYear={matrix.plan.baselineYear}
              periodEnd={matrix.plan.periodEnd}
              baseline={ev.inputs.baselineValue}
              target={ev.inputs.targetValue}
              actual={actual}
            />
          );
        }}
      </QueryState>
    </Card>
  );
}
