import { type ParsedCell, parseTargetCell } from "@ybplan/domain/target";
import { Typography } from "antd";
import { describeCell, isUnrecognised, targetKindLabels } from "../lib/describe-target.ts";

/**
 * Live preview of how a target (or baseline) text is understood, parsed in the browser by the
 * same domain parser the server uses — no round trip while typing.
 */
export function TargetPreview({
  text,
  unit,
  label = "系统理解为",
  parsed,
}: {
  text: string;
  unit: string | null;
  label?: string;
  /** Already-parsed cell (e.g. the importer's reading); parsed here when absent. */
  parsed?: ParsedCell;
}) {
  if (text.trim() === "") return <Typography.Text type="secondary">（空）</Typography.Text>;
  const cell = parsed ?? parseTargetCell(text);
  const bad = isUnrecognised(cell.expression);
  return (
    <Typography.Text
      type={bad ? "danger" : "secondary"}
      style={{ fontSize: 12 }}
      data-testid="target-preview"
      role="status"
    >
      {label}【{targetKindLabels[cell.expression.kind]}】{describeCell(cell, unit)}
    </Typography.Text>
  );
}
