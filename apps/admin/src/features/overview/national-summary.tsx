import { useQuery } from "@tanstack/react-query";
import { type Verdict, Verdict as VerdictEnum } from "@ybplan/domain/evaluation";
import { nationalRoot } from "@ybplan/domain/jurisdiction";
import { Card, Flex, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTRPC } from "../../api/trpc.ts";
import type { NationalSummary } from "../../api/types.ts";
import { useKeyboardScroll } from "../../components/keyboard-scroll.ts";
import { QueryState } from "../../components/query-state.tsx";
import { verdictLabel } from "../../lib/verdict-style.ts";

type Line = NationalSummary["totals"];
type Row = Line & { code: string; name: string };

/** Code of the 全国 row and tree node (provinces are stored without a parent). */
export const NATIONAL_CODE = nationalRoot.code;
const TOTAL_NAME = "全国合计";

/** The cycle's buckets as the 审核与进度 page names them. */
const cycleColumns: {
  key: "approved" | "submitted" | "notSubmitted" | "returned" | "overdue";
  title: string;
}[] = [
  { key: "approved", title: "已通过" },
  { key: "submitted", title: "已提交" },
  { key: "notSubmitted", title: "未提交" },
  { key: "returned", title: "退回" },
  { key: "overdue", title: "逾期" },
];

/**
 * The 全国 first screen: one row per province over its subtree, 全国合计 on top. A province
 * without plans reads 暂无规划 (never a rate of 0); indicators without data are counted under
 * 数据不足 and binding ones named apart, never as on track. A click on a province opens its view.
 */
export function NationalSummaryView({ year, onOpen }: { year: number; onOpen: (code: string) => void }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.evaluation.national.queryOptions({ year }));
  const tableRef = useKeyboardScroll("各省份规划监测汇总表");
  return (
    <QueryState query={summary}>
      {(s) => {
        const rows: Row[] = [{ ...s.totals, code: NATIONAL_CODE, name: TOTAL_NAME }, ...s.provinces];
        const planned = s.provinces.filter((p) => p.plans > 0).length;
        return (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">
              {year}年：{planned} 个省份有规划、共 {s.totals.plans} 个规划（含省、市、县三级），
              {s.provinces.length - planned} 个省份暂无规划。点击省份查看其下辖规划与进度。
            </Typography.Text>
            <Card size="small" title="各省份规划监测汇总（按行政区划代码排序）">
              <Table<Row>
                ref={tableRef}
                size="small"
                rowKey="code"
                scroll={{ x: "max-content" }}
                dataSource={rows}
                pagination={false}
                bordered
                data-testid="national-summary"
                rowClassName={(r) => (r.code === NATIONAL_CODE ? "national-total-row" : "")}
                columns={columns(onOpen)}
              />
            </Card>
          </Flex>
        );
      }}
    </QueryState>
  );
}

/** Spans a group's cells with one text (暂无规划, 未开放填报) on rows where it applies. */
const spanWhen = (when: (r: Row) => boolean, first: boolean, width: number) => (r: Row) =>
  when(r) ? { colSpan: first ? width : 0 } : {};

function columns(onOpen: (code: string) => void): ColumnsType<Row> {
  const noPlans = (r: Row) => r.plans === 0;
  const noWindow = (r: Row) => r.plans > 0 && r.cycle.inWindow === 0;
  const verdicts = VerdictEnum.options;
  // Counts are left-aligned like the spanned texts that replace them (暂无规划, 未开放填报).
  return [
    {
      title: "省份",
      key: "name",
      width: 104,
      fixed: "left",
      render: (_, r) =>
        r.code === NATIONAL_CODE ? (
          <strong>{r.name}</strong>
        ) : (
          <button type="button" className="link-button" onClick={() => onOpen(r.code)}>
            {r.name}
          </button>
        ),
    },
    {
      title: "规划数",
      key: "plans",
      width: 80,
      render: (_, r) => (r.plans === 0 ? <Tag>暂无规划</Tag> : r.plans),
    },
    {
      title: "主要指标评估（项）",
      children: [
        {
          title: "指标数",
          key: "indicators",
          width: 60,
          onCell: spanWhen(noPlans, true, verdicts.length + 3),
          render: (_, r) =>
            r.plans === 0 ? (
              <Typography.Text type="secondary">无规划，不作评估</Typography.Text>
            ) : (
              r.indicators
            ),
        },
        ...verdicts.map((v: Verdict) => ({
          title: verdictLabel(v),
          key: v,
          width: 60,
          onCell: spanWhen(noPlans, false, 0),
          render: (_: unknown, r: Row) => r.counts[v],
        })),
        {
          title: "约束性未达预期",
          key: "breaches",
          width: 84,
          onCell: spanWhen(noPlans, false, 0),
          render: (_, r) => (r.breaches > 0 ? <Tag color="error">{r.breaches} 项</Tag> : "无"),
        },
        {
          title: "约束性缺数据",
          key: "bindingWithoutData",
          width: 84,
          onCell: spanWhen(noPlans, false, 0),
          // Missing figures are named, never read as met.
          render: (_, r) =>
            r.bindingWithoutData > 0 ? <Tag color="warning">{r.bindingWithoutData} 项</Tag> : "无",
        },
      ],
    },
    {
      title: "年度填报（开放的填报窗口内）",
      children: [
        ...cycleColumns.map(({ key, title }, k) => ({
          title,
          key,
          width: 52,
          onCell: (r: Row) =>
            noPlans(r) || noWindow(r) ? { colSpan: k === 0 ? cycleColumns.length + 1 : 0 } : {},
          render: (_: unknown, r: Row) =>
            noPlans(r) ? null : noWindow(r) ? (
              <Typography.Text type="secondary">未开放填报</Typography.Text>
            ) : (
              r.cycle[key]
            ),
        })),
        {
          title: "截止日期",
          key: "deadline",
          width: 96,
          onCell: (r: Row) => (noPlans(r) || noWindow(r) ? { colSpan: 0 } : {}),
          render: (_, r) => r.cycle.deadline ?? "—",
        },
      ],
    },
  ];
}
