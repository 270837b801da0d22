/**
 * The grid's rows: one per indicator, or one per part of a compound target ("药品", "高值医用耗材"),
 * with the stored value of the year being entered and the years before it for context.
 */
import { entryTakesText } from "@ybplan/domain/observation";
import type { IndicatorItem, ObservationItem } from "../../api/types.ts";
import { type EntryRow, entryKey } from "./entry-model.ts";

export interface GridRow {
  indicator: IndicatorItem;
  subject: string | null;
  entry: EntryRow;
  previous: Record<number, ObservationItem | undefined>;
  current: ObservationItem | undefined;
}

/** Subjects a row is entered for: one per part of a compound target, else none. */
function subjectsOf(
  indicator: IndicatorItem,
  observations: readonly ObservationItem[],
): Array<string | null> {
  const t = indicator.target.expression;
  const subjects: Array<string | null> = t.kind === "compound" ? t.parts.map((p) => p.subject) : [null];
  for (const o of observations) {
    const s = o.subject ?? null;
    if (o.indicatorId === indicator.id && !subjects.includes(s)) subjects.push(s);
  }
  return subjects;
}

export function toGridRows(
  indicators: readonly IndicatorItem[],
  observations: readonly ObservationItem[],
  year: number,
  prevYears: readonly number[],
): GridRow[] {
  return indicators.flatMap((indicator) =>
    subjectsOf(indicator, observations).map((subject) => {
      const mine = observations.filter(
        (o) => o.indicatorId === indicator.id && (o.subject ?? null) === subject,
      );
      const current = mine.find((o) => o.year === year);
      const t = indicator.target.expression;
      const part = t.kind === "compound" ? t.parts.find((p) => p.subject === subject)?.target : t;
      const kind = part?.kind;
      const previous: GridRow["previous"] = {};
      for (const y of prevYears) previous[y] = mine.find((o) => o.year === y);
      return {
        indicator,
        subject,
        current,
        previous,
        entry: {
          key: entryKey(indicator.id, subject),
          indicatorId: indicator.id,
          subject,
          unit: indicator.unit,
          name: indicator.name,
          textAllowed: (kind !== undefined && entryTakesText(kind)) || current?.value.kind === "text",
          stored: current
            ? {
                value: current.value,
                source: current.source,
                note: current.note,
                version: current.version,
                recordedBy: current.recordedBy ?? null,
                recordedAt: current.recordedAt ?? null,
              }
            : null,
        },
      };
    }),
  );
}

/** The label a person reads for a row ("参保率 药品"). */
export function rowLabel(r: GridRow): string {
  return `${r.indicator.name}${r.subject ? ` ${r.subject}` : ""}`;
}
