import type { Verdict } from "@ybplan/domain/evaluation";
import { Card, Flex, Statistic } from "antd";
import { verdictColors, verdictDisplayOrder, verdictLabel } from "../../lib/verdict-style.ts";

/**
 * Counts by verdict, with 约束性 breaches in front (the figure bureaus are accountable for). Zero
 * breaches reads as good news only when every binding indicator has data: the missing ones are
 * counted beside it, never as met.
 */
export function VerdictCounts({
  counts,
  breaches,
  bindingWithoutData,
}: {
  counts: Record<Verdict, number>;
  breaches: number;
  bindingWithoutData: number;
}) {
  const allClear = breaches === 0 && bindingWithoutData === 0;
  return (
    <Flex gap={8} wrap aria-label="评估结果统计" data-testid="verdict-counts">
      <Card size="small" style={{ minWidth: 120, borderColor: breaches > 0 ? "#ff4d4f" : undefined }}>
        <Statistic
          title="约束性指标未达预期"
          value={breaches}
          styles={{ content: { color: breaches > 0 ? "#cf1322" : allClear ? "#389e0d" : "#d46b08" } }}
        />
      </Card>
      <Card
        size="small"
        style={{ minWidth: 120, borderColor: bindingWithoutData > 0 ? "#fa8c16" : undefined }}
        data-testid="binding-without-data"
      >
        <Statistic
          title="约束性指标缺数据"
          value={bindingWithoutData}
          styles={{ content: { color: bindingWithoutData > 0 ? "#d46b08" : "#389e0d" } }}
        />
      </Card>
      {verdictDisplayOrder.map((v) => (
        <Card
          key={v}
          size="small"
          style={{ minWidth: 100, background: verdictColors[v].bg }}
          data-verdict={v}
        >
          <Statistic
            title={verdictLabel(v)}
            value={counts[v]}
            styles={{ content: { color: verdictColors[v].fg } }}
          />
        </Card>
      ))}
    </Flex>
  );
}
