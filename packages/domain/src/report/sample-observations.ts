import type { Indicator } from "../indicator/schema.ts";
import type { Observation } from "../observation/schema.ts";
import type { Plan } from "../plan/schema.ts";
import type { Project, ProjectItem, Task, WorkStatus } from "../task/schema.ts";
import { cellNumber } from "./format.ts";

/**
 * Deterministic demonstration data for a plan: yearly observations that move from the baseline
 * towards the target at a pace drawn per indicator (some ahead of the time-elapsed line, some
 * behind, some falling back), text notes for qualitative and milestone targets, and task
 * statuses. Same seed → same data. For demos, tests and benchmarks — never for real reporting.
 */

/** mulberry32: small, fast, good enough for demo data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Units of things counted one by one: their values are whole numbers. */
const countUnits = /^(个|类|种|项|家|所|人|人次|批|次|件|户)$/;

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

function targetNumber(ind: Indicator): number | null {
  const e = ind.target.expression;
  if (e.kind === "compound") {
    const first = e.parts[0]?.target;
    return first && (first.kind === "threshold" || first.kind === "level" || first.kind === "band")
      ? first.quantity.value
      : null;
  }
  return cellNumber(ind.target);
}

export function sampleObservations(
  plan: Pick<Plan, "baselineYear" | "periodEnd">,
  indicators: readonly Indicator[],
  options: { readonly seed: number; readonly lastYear: number },
): Observation[] {
  const out: Observation[] = [];
  for (const ind of indicators) {
    const rnd = seededRandom(options.seed ^ hashSeed(ind.id));
    const kind = ind.target.expression.kind;
    const target = targetNumber(ind);
    const base = cellNumber(ind.baseline);
    const push = (year: number, value: Observation["value"]) =>
      out.push({
        indicatorId: ind.id,
        year,
        value,
        source: "示例数据",
        note: null,
        recordedBy: "ybplan",
        recordedAt: null,
      });
    if (kind === "milestone" || (kind === "qualitative" && base === null)) {
      for (let y = plan.baselineYear + 1; y <= options.lastYear; y++)
        push(y, { kind: "text", text: `${y}年按计划推进` });
      continue;
    }
    const anchor = base ?? (target !== null ? target * (0.85 + rnd() * 0.1) : null);
    if (anchor === null) continue;
    // Qualitative targets with a numeric baseline (基金收入 33.6亿元): amounts growing 3–8% a year.
    const goal =
      kind === "qualitative"
        ? anchor * (1 + 0.03 + rnd() * 0.05) ** (plan.periodEnd - plan.baselineYear)
        : kind === "maintain" || target === null
          ? anchor
          : target;
    // Pace relative to the time-elapsed line: 0.3 (well behind) … 1.4 (ahead).
    const pace = kind === "qualitative" ? 1 : 0.3 + rnd() * 1.1;
    const counted = ind.unit !== null && countUnits.test(ind.unit);
    const digits = counted || Math.abs(goal) >= 100 ? 0 : Math.abs(goal) < 10 ? 2 : 1;
    for (let y = plan.baselineYear; y <= options.lastYear; y++) {
      const share = (y - plan.baselineYear) / Math.max(1, plan.periodEnd - plan.baselineYear);
      const noise = (rnd() - 0.5) * Math.abs(goal - anchor) * 0.05;
      const v =
        y === plan.baselineYear ? anchor : anchor + (goal - anchor) * Math.min(1.2, share * pace) + noise;
      push(y, { kind: "number", value: round(v, digits) });
    }
  }
  return out;
}

const statusCycle: readonly WorkStatus[] = ["completed", "inProgress", "inProgress", "delayed", "notStarted"];

/** Task and 专栏 item statuses with a progress note for `year`. */
export function sampleWorkProgress<T extends Task | ProjectItem>(
  items: readonly T[],
  seed: number,
  year: number,
): T[] {
  return items.map((it) => {
    const rnd = seededRandom(seed ^ hashSeed(it.id));
    const status = statusCycle[Math.floor(rnd() * statusCycle.length)]!;
    return {
      ...it,
      status,
      progress: [
        {
          year,
          text: `${year}年${it.title}工作${status === "completed" ? "已完成" : "持续推进"}`,
          recordedBy: null,
          recordedAt: null,
        },
      ],
    };
  });
}

/** Applies `sampleWorkProgress` to a plan's tasks and 专栏 items. */
export function sampleProjectProgress(
  projects: readonly (Project & { items: ProjectItem[] })[],
  seed: number,
  year: number,
): (Project & { items: ProjectItem[] })[] {
  return projects.map((p) => ({ ...p, items: sampleWorkProgress(p.items, seed, year) }));
}
