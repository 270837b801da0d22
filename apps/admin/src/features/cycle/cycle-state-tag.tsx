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

/** "2025-02-28 12:30" from an ISO time (local). */
export function shortTime(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
