import { useQuery } from "@tanstack/react-query";
import { lastCompleteYear, periodYears } from "@ybplan/domain/common";
import { isWorkIndicator, mainIndicators } from "@ybplan/domain/indicator";
import { Breadcrumb, Flex, Select } from "antd";
import { useTRPC } from "../../api/trpc.ts";
import type { PlanDetail } from "../../api/types.ts";
import { can } from "../../auth/roles.ts";
import { useSession } from "../../auth/session-context.ts";
import { QueryState } from "../../components/query-state.tsx";
import { useSearchState } from "../../lib/use-search-state.ts";
import { Link } from "../../router/link.tsx";
import type { PageProps } from "../../routes/registry.ts";
import { CycleBar } from "./cycle-bar.tsx";
import { EntryGrid } from "./entry-grid.tsx";

/** 年度数据填报: one year of a plan's indicators, saved at once. */
export default function EntryPage({ params }: PageProps) {
  const planId = params.planId!;
  const trpc = useTRPC();
  const plan = useQuery(trpc.plans.get.queryOptions({ id: planId }));
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/plans">规划管理</Link> },
          { title: <Link to={`/plans/${planId}`}>{plan.data?.title ?? "规划详情"}</Link> },
          { title: "年度数据填报" },
        ]}
      />
      <QueryState query={plan}>{(p) => <EntryScreen plan={p} />}</QueryState>
    </>
  );
}

function EntryScreen({ plan }: { plan: PlanDetail }) {
  const trpc = useTRPC();
  const { search, set } = useSearchState();
  const { user } = useSession();
  const years = periodYears(plan);
  const year = Number(search.get("year")) || lastCompleteYear(plan);
  const indicators = useQuery(trpc.indicators.list.queryOptions({ planId: plan.id }));
  // Work indicators' stages (工作指标: the year's own target is shown beside the cell).
  const work = useQuery(trpc.workIndicators.list.queryOptions({ planId: plan.id }));
  const observations = useQuery(trpc.observations.list.queryOptions({ planId: plan.id, toYear: year }));
  // The reporting cycle locks the year (submitted, approved, archived plan, closed window, upper level).
  const cycle = useQuery(trpc.cycle.status.queryOptions({ planId: plan.id, year }));
  const readOnly = !can.enterData(user.role) || cycle.data?.permissions.canEdit === false;

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12} wrap>
        <h1 className="page-title" style={{ margin: 0 }}>
          {plan.title} · 年度数据填报
        </h1>
        <label htmlFor="entry-year">填报年度</label>
        <Select
          id="entry-year"
          value={year}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
          onChange={(y: number) => set({ year: String(y) })}
        />
      </Flex>
      <CycleBar planId={plan.id} year={year} />
      <QueryState query={indicators} isEmpty={(l) => l.length === 0} emptyText="该规划没有指标，无需填报">
        {(inds) => (
          <QueryState query={observations}>
            {(obs) => (
              <EntryGrid
                key={`${plan.id}/${year}`}
                plan={plan}
                year={year}
                // 主要指标 first, then the work indicators of tasks and 专栏 items
                indicators={[...mainIndicators(inds), ...inds.filter(isWorkIndicator)]}
                stages={work.data ?? []}
                observations={obs}
                readOnly={readOnly}
                userId={user.id}
              />
            )}
          </QueryState>
        )}
      </QueryState>
    </Flex>
  );
}
