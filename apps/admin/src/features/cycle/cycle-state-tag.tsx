import { type CycleState, cycleStateLabels } from "@ybplan/domain/cycle";
import { Tag } from "antd";

const colors: Record<CycleState, string> = {
  notStarted: "default",
  filling: "processing",
  submitted: "gold",
  returned: "error",
  approved: "success",
};

/** 未填报 / 填报中 / 已提交 / 已退回 / 已通过 */
export function CycleStateTag({ state }: { state: CycleState }) {
  return (
    <Tag color={colors[state]} data-testid="cycle-state">
      {cycleStateLabels[state]}
    </Tag>
  );
}
