import { useQuery } from "@tanstack/react-query";
import { lastCompleteYear, periodYears } from "@ybplan/domain/common";
import { Card, Col, Empty, Flex, Row, Select, Table, Tag, Tooltip, Typography } from "antd";
import { useTRPC } from "../../api/trpc.ts";
import type { SubtreeSummary } from "../../api/types.ts";
import { useSession } from "../../auth/session-context.ts";
import { flattenCodes, JurisdictionTree } from "../../components/jurisdiction-tree.tsx";
import { MarkedText } from "../../components/marked-text.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { VerdictTag } from "../../components/verdict-tag.tsx";
import { useSearchState } from "../../lib/use-search-state.ts";
import { Link } from "../../router/link.tsx";
import { NATIONAL_CODE, NationalSummaryView } from "./national-summary.tsx";
import { PlanEvaluation } from "./plan-evaluation.tsx";
import { VerdictCounts } from "./verdict-counts.tsx";

/**
 * 监测总览: pick a jurisdiction and a year; see its plans' verdicts, breaches first. A user of
 * national scope starts at 全国: one line per province (national-summary.tsx).
 */
export default function OverviewPage() {
  const trpc = useTRPC();
  const { user } = useSession();
  const { search, set } = useSearchState();
  const tree = useQuery(trpc.jurisdictions.tree.queryOptions());
  const year = Number(search.get("year")) || lastCompleteYear();
  const all = tree.data ? flattenCodes(tree.data) : [];
  // National scope (no jurisdiction) opens on 全国: every province's line. Administrators scoped
  // to a place may open it too (the server's rule); everyone else starts at their own place.
  const national = user.jurisdictionCode === null;
  const offerNational = national || user.role === "admin";
  const code = search.get("j") ?? (national ? NATIONAL_CODE : user.jurisdictionCode) ?? all[0]?.code ?? null;
  const isNational = code === NATIONAL_CODE && offerNational;
  const name = isNational ? "全国" : (all.find((j) => j.code === code)?.name ?? code);

  return (
    <Row gutter={16} wrap={false}>
      {/* 全国 needs the width for its table; the provinces are its rows, and the tree's 全国 node leads back. */}
      <Col flex="200px" hidden={isNational}>
        <Card
          size="small"
          title="行政区划"
          styles={{ body: { padding: 8, maxHeight: "calc(100vh - 150px)", overflow: "auto" } }}
        >
          <QueryState query={tree} isEmpty={(d) => d.length === 0} emptyText="暂无可查看的行政区划">
            {(nodes) => (
              <JurisdictionTree
                nodes={nodes}
                nationalRoot={offerNational ? NATIONAL_CODE : null}
                value={code}
                onChange={(c) => set({ j: c, plan: null, ind: null })}
              />
            )}
          </QueryState>
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
          <h1 className="page-title" style={{ margin: 0 }}>
            监测总览{code ? ` · ${name}` : ""}
          </h1>
          <label htmlFor="overview-year">监测年度</label>
          <Select
            id="overview-year"
            value={year}
            style={{ width: 110 }}
            options={periodYears().map((y) => ({ value: y, label: `${y}年` }))}
            onChange={(y) => set({ year: String(y) })}
          />
        </Flex>
        {isNational ? (
          <NationalSummaryView year={year} onOpen={(c) => set({ j: c, plan: null, ind: null })} />
        ) : code ? (
          <SubtreeView code={code} year={year} />
        ) : (
          <Empty description="请选择行政区划" />
        )}
      </Col>
    </Row>
  );
}

function SubtreeView({ code, year }: { code: string; year: number }) {
  const trpc = useTRPC();
  const { search, set } = useSearchState();
  const summary = useQuery(trpc.evaluation.subtree.queryOptions({ jurisdictionCode: code, year }));
  return (
    <QueryState
      query={summary}
      isEmpty={(s) => s.plans.length === 0}
      emptyText="该地区及下辖地区在本年度没有规划"
    >
      {(s) => {
        const own = s.plans.find((p) => p.jurisdiction.code === code) ?? s.plans[0]!;
        const planId = search.get("plan") ?? own.planId;
        return (
          <Flex vertical gap={12}>
            {s.plans.length > 1 ? (
              <>
                <VerdictCounts
                  counts={s.totals.counts}
                  breaches={s.totals.breaches}
                  bindingWithoutData={s.totals.bindingWithoutData}
                />
                <Typography.Text type="secondary">
                  本地区及下辖 {s.jurisdictions - 1} 个地区：共 {s.totals.plans} 个规划、{s.totals.indicators}{" "}
                  项指标
                </Typography.Text>
                <PlansTable
                  plans={s.plans}
                  selected={planId}
                  onSelect={(id) => set({ plan: id, ind: null })}
                />
              </>
            ) : null}
            <PlanEvaluation
              planId={planId}
              year={year}
              selectedIndicator={search.get("ind")}
              onSelectIndicator={(id) => set({ ind: id })}
            />
          </Flex>
        );
      }}
    </QueryState>
  );
}

type PlanSummary = SubtreeSummary["plans"][number];

function PlansTable({
  plans,
  selected,
  onSelect,
}: {
  plans: PlanSummary[];
  selected: string;
  onSelect: (id: string) => void;
}) {
  return (
    <Card size="small" title="下辖规划（约束性未达预期者在前）">
      <Table<PlanSummary>
        size="small"
        rowKey="planId"
        dataSource={plans}
        pagination={plans.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
        rowClassName={(p) => (p.planId === selected ? "ant-table-row-selected" : "")}
        columns={[
          { title: "地区", render: (_, p) => p.jurisdiction.name, width: 90 },
          {
            title: "规划",
            render: (_, p) => (
              <button type="button" className="link-button" onClick={() => onSelect(p.planId)}>
                {p.title}
              </button>
            ),
          },
          {
            title: "约束性未达预期",
            width: 130,
            // "无" only when every binding indicator has data; missing data is named, not counted as met.
            render: (_, p) =>
              p.breaches > 0 ? (
                <Tag color="error">{p.breaches} 项</Tag>
              ) : p.bindingWithoutData.length > 0 ? (
                <Tooltip title={`缺数据：${p.bindingWithoutData.map((b) => b.name).join("、")}`}>
                  <Tag color="warning">{p.bindingWithoutData.length} 项缺数据</Tag>
                </Tooltip>
              ) : (
                <Tag color="success">无</Tag>
              ),
          },
          {
            title: "已达成 / 进展顺利 / 滞后 / 未达成",
            width: 230,
            render: (_, p) =>
              `${p.counts.achieved} / ${p.counts.onTrack} / ${p.counts.behind} / ${p.counts.missed}`,
          },
          {
            title: "",
            width: 80,
            render: (_, p) => <Link to={`/plans/${p.planId}`}>规划详情</Link>,
          },
        ]}
        expandable={{
          rowExpandable: (p) => p.breachList.length > 0,
          expandedRowRender: (p) => (
            <ul style={{ margin: 0 }}>
              {p.breachList.map((b) => (
                <li key={b.indicatorId}>
                  <VerdictTag verdict={b.verdict} breach /> <MarkedText text={b.name} />
                </li>
              ))}
            </ul>
          ),
        }}
      />
    </Card>
  );
}
