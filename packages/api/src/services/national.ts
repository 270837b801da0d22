import { type Database, jurisdictionScope, namedCache, reportingCycles, reportingWindows } from "@ybplan/db";
import { Year } from "@ybplan/domain/common";
import { Verdict } from "@ybplan/domain/evaluation";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { JurisdictionDirectory } from "../auth/directory.ts";
import { type CompletenessBucket, completenessBucket, today } from "./cycle.ts";
import { pickWindow } from "./cycle-guard.ts";
import { planLines, plansInForce } from "./evaluation.ts";

/**
 * The 全国 first screen: one line per province over its whole subtree (province, cities,
 * counties) — plans in force, 主要指标 by verdict, 约束性 breaches and binding indicators without
 * data, and the yearly cycle's completeness of the plans an open window covers — with the
 * national total. One pass over every plan in force: a plan's verdicts come from the same
 * per-plan cache as the subtree view (so both agree and a save re-evaluates one plan), the cycle
 * from one query of the year's cycles and windows.
 */

const Count = z.number().int().nonnegative();

const CycleCounts = z.object({
  /** Plans covered by an open (not closed) window of the year; the buckets below count only these. */
  inWindow: Count,
  approved: Count,
  submitted: Count,
  notSubmitted: Count,
  returned: Count,
  overdue: Count,
  /** The earliest deadline of those open windows. */
  deadline: z.iso.date().nullable(),
});

const NationalLine = z.object({
  /** Plans in force in the year (0: 暂无规划 — nothing judged, never a rate). */
  plans: Count,
  indicators: Count,
  counts: z.record(Verdict, Count),
  breaches: Count,
  /** 约束性 indicators without data this year: named apart, never counted as met. */
  bindingWithoutData: Count,
  cycle: CycleCounts,
});
type NationalLine = z.infer<typeof NationalLine>;

export const NationalSummary = z.object({
  year: Year,
  totals: NationalLine,
  provinces: z.array(NationalLine.extend({ code: AdminCode, name: z.string() })),
});
export type NationalSummary = z.infer<typeof NationalSummary>;

const emptyLine = (): NationalLine => ({
  plans: 0,
  indicators: 0,
  counts: { achieved: 0, onTrack: 0, behind: 0, missed: 0, needsJudgement: 0, insufficientData: 0 },
  breaches: 0,
  bindingWithoutData: 0,
  cycle: { inWindow: 0, approved: 0, submitted: 0, notSubmitted: 0, returned: 0, overdue: 0, deadline: null },
});

/** The province a place belongs to: the top of its chain (provinces hang under 全国, stored without a parent). */
function provinceOf(dir: JurisdictionDirectory, code: string): string {
  return dir.ancestors(code).at(-1) ?? code;
}

async function computeNational(database: Database, dir: JurisdictionDirectory, year: number) {
  const db = database.db;
  const planRows = await plansInForce(db, null, year);
  const [lines, cycles, windows] = await Promise.all([
    planLines(database, dir, planRows, year),
    // The year's cycles of every plan (those not in force are never looked up): by year, not by a
    // list of 3,000 ids (0.5 against 15–30 ms on the national bench).
    db
      .select({ planId: reportingCycles.planId, state: reportingCycles.state })
      .from(reportingCycles)
      .where(eq(reportingCycles.year, year)),
    db.select().from(reportingWindows).where(eq(reportingWindows.year, year)),
  ]);
  const stateOf = new Map(cycles.map((c) => [c.planId, c.state]));
  const provinces = dir.all
    .filter((j) => j.level === "province" && j.parentCode === null)
    .sort((a, b) => a.code.localeCompare(b.code));
  const byProvince = new Map(provinces.map((p) => [p.code, emptyLine()]));
  const totals = emptyLine();
  const d = today();
  for (const p of planRows) {
    const line = byProvince.get(provinceOf(dir, p.jurisdictionCode));
    const ev = lines.get(p.id)!;
    const w = pickWindow(windows, dir, p.jurisdictionCode);
    const open = w !== null && w.closedAt === null;
    const bucket: CompletenessBucket | null = open
      ? completenessBucket(stateOf.get(p.id) ?? "notStarted", w, d).bucket
      : null;
    for (const target of line ? [line, totals] : [totals]) {
      target.plans++;
      target.indicators += ev.indicators;
      for (const v of Verdict.options) target.counts[v] += ev.summary.counts[v];
      target.breaches += ev.summary.breaches;
      target.bindingWithoutData += ev.bindingWithoutData;
      if (bucket && w) {
        target.cycle.inWindow++;
        target.cycle[bucket]++;
        if (target.cycle.deadline === null || w.deadline < target.cycle.deadline)
          target.cycle.deadline = w.deadline;
      }
    }
  }
  return {
    year,
    totals,
    provinces: provinces.map((p) => ({ code: p.code, name: p.name, ...byProvince.get(p.code)! })),
  };
}

/**
 * Cached like the other roll-ups: any data change anywhere recomputes it (from the cached plan
 * lines, so only the changed plans are evaluated again); the day is part of the key for 逾期.
 */
export function nationalSummary(
  database: Database,
  dir: JurisdictionDirectory,
  year: number,
): Promise<NationalSummary> {
  const scopes = dir.all.map((j) => jurisdictionScope(j.code));
  return namedCache<NationalSummary>(database.changes, "evaluation.national").get(
    `${year}/${today()}/${dir.all.length}`,
    async () => ({ value: await computeNational(database, dir, year), scopes }),
  );
}
