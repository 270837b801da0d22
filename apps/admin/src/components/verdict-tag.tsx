import type { Verdict } from "@ybplan/domain/evaluation";
import { Tag } from "antd";
import { verdictColors, verdictLabel } from "../lib/verdict-style.ts";

export function VerdictTag({ verdict, breach }: { verdict: Verdict; breach?: boolean }) {
  const c = verdictColors[verdict];
  return (
    <Tag color={c.tag} style={{ marginInlineEnd: 0 }}>
      {verdictLabel(verdict)}
      {breach ? "（约束性）" : ""}
    </Tag>
  );
}
