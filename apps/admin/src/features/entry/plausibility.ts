/**
 * Plausibility of the figures being typed, by the domain's rule (the one the server applies on
 * submit): a year-on-year change beyond the indicator's band, the fund-balance identity. Warnings,
 * not errors — a save goes through; a submit needs a note explaining each one.
 */
import { plausibilityWarnings, previousValue, type TargetInForceEntry } from "@ybplan/domain/cycle";
import type { IndicatorItem, ObservationItem } from "../../api/types.ts";
import { parseEntry } from "../../lib/parse-entry.ts";
import type { Draft } from "./entry-model.ts";
import type { GridRow } from "./grid-rows.ts";

/** Warning per row key (whole-indicator rows only; compound parts have no band). */
export function draftWarnings(
  rows: readonly GridRow[],
  draft: Draft,
  observations: readonly ObservationItem[],
  year: number,
  baselineYear: number,
  /** Staged yearly targets of work indicators, by indicator (the plan's own steps). */
  stages: ReadonlyMap<string, readonly TargetInForceEntry[]> = new Map(),
): Record<string, string> {
  const whole = rows.filter((r) => r.subject === null);
  const current = new Map<string, number>();
  for (const r of whole) {
    const cell = draft[r.entry.key];
    if (!cell) continue;
    const parsed = parseEntry(cell.raw, {
      unit: r.entry.unit,
      name: r.entry.name ?? "",
      textAllowed: r.entry.textAllowed,
    });
    if (parsed.kind === "number") current.set(r.indicator.id, parsed.value);
  }
  const previous = new Map<string, { year: number; value: number }>();
  for (const r of whole) {
    const earlier = observations
      .filter(
        (o) =>
          o.indicatorId === r.indicator.id &&
          (o.subject ?? null) === null &&
          o.year < year &&
          o.value.kind === "number",
      )
      .map((o) => ({ year: o.year, value: o.value.kind === "number" ? o.value.value : 0 }));
    const p = previousValue(earlier, baselineOf(r.indicator, baselineYear), year);
    if (p) previous.set(r.indicator.id, p);
  }
  const inds = whole.map((r) => ({
    id: r.indicator.id,
    name: r.indicator.name,
    unit: r.indicator.unit,
    targetRevisions: stages.get(r.indicator.id),
  }));
  const out: Record<string, string> = {};
  for (const w of plausibilityWarnings(inds, { year, current, previous })) {
    const row = whole.find((r) => r.indicator.id === w.indicatorId);
    if (row) out[row.entry.key] = out[row.entry.key] ? `${out[row.entry.key]}；${w.message}` : w.message;
  }
  return out;
}

function baselineOf(indicator: IndicatorItem, baselineYear: number): { year: number; value: number } | null {
  const b = indicator.baseline.expression;
  return b.kind === "level" ? { year: baselineYear, value: b.quantity.value } : null;
}
