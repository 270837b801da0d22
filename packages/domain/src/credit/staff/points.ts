import { InvalidScoring } from "../shared/errors.ts";
import { addMonths, addYears } from "../shared/quarter.ts";
import { nationalStaffRules2024, type StaffPointRules } from "./rules.ts";
import type { StaffAction, StaffScoring, StaffStanding, StaffStatusKind } from "./schema.ts";

export interface StaffRun {
  readonly standings: StaffStanding[];
  readonly issues: InvalidScoring[];
}

/**
 * Points and standing of every person as of `asOf`. Points add up per person per natural year
 * across all the person's institutions; crossing `suspendAt` suspends, reaching `terminateAt`
 * terminates with a bar of 1 year (accumulated) or 3 years (reached in one scoring).
 */
export function staffStandings(
  scorings: readonly StaffScoring[],
  asOf: string,
  rules: StaffPointRules = nationalStaffRules2024,
  /** Extra person → institution links (registrations) beyond those seen in scorings. */
  links: readonly { personId: string; institutionId: string }[] = [],
): StaffRun {
  const issues: InvalidScoring[] = [];
  const byPerson = new Map<string, StaffScoring[]>();
  for (const s of scorings) {
    if (s.date > asOf) continue;
    if (
      s.suspensionMonths !== null &&
      (s.suspensionMonths < rules.suspensionMonths.min || s.suspensionMonths > rules.suspensionMonths.max)
    ) {
      issues.push(
        new InvalidScoring({
          scoringId: s.id,
          message: `暂停期限应为${rules.suspensionMonths.min}–${rules.suspensionMonths.max}个月，录入了${s.suspensionMonths}个月`,
        }),
      );
      continue;
    }
    const list = byPerson.get(s.personId);
    if (list) list.push(s);
    else byPerson.set(s.personId, [s]);
  }
  const linked = new Map<string, Set<string>>();
  for (const l of links) {
    const set = linked.get(l.personId) ?? new Set();
    set.add(l.institutionId);
    linked.set(l.personId, set);
  }
  const standings: StaffStanding[] = [];
  for (const [personId, list] of byPerson) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    standings.push(standingOf(personId, list, asOf, rules, linked.get(personId)));
  }
  for (const [personId, insts] of linked) {
    if (byPerson.has(personId)) continue;
    standings.push({
      personId,
      personName: personId,
      asOf,
      pointsThisYear: 0,
      pointsByYear: {},
      status: "normal",
      statusUntil: null,
      actions: [],
      institutions: [...insts].sort(),
      reason: "本年度无记分",
    });
  }
  return { standings, issues };
}

function standingOf(
  personId: string,
  list: readonly StaffScoring[],
  asOf: string,
  rules: StaffPointRules,
  extraInstitutions: ReadonlySet<string> | undefined,
): StaffStanding {
  const pointsByYear: Record<string, number> = {};
  const parts: Record<string, number[]> = {};
  const actions: StaffAction[] = [];
  for (const s of list) {
    const year = s.date.slice(0, 4);
    const before = pointsByYear[year] ?? 0;
    const after = before + s.points;
    pointsByYear[year] = after;
    const yearParts = parts[year] ?? [];
    yearParts.push(s.points);
    parts[year] = yearParts;
    const sum = yearParts.join("+");
    if (before >= rules.terminateAt) continue; // already terminated this year
    if (after >= rules.terminateAt) {
      const single = s.points >= rules.terminateAt;
      const bar = single ? rules.barYears.singleScoring : rules.barYears.accumulated;
      actions.push({
        kind: "terminate",
        scoringId: s.id,
        date: s.date,
        until: addYears(s.date, bar),
        decided: true,
        barYears: bar,
        reason: single
          ? `终止：一次记${s.points}分，达到${rules.terminateAt}分，终止之日起${bar}年内不得再次登记`
          : `终止：${year}年累计记分${after}分（${sum}），达到${rules.terminateAt}分，终止之日起${bar}年内不得再次登记`,
      });
    } else if (after >= rules.suspendAt && before < rules.suspendAt) {
      const months = s.suspensionMonths ?? rules.suspensionMonths.min;
      actions.push({
        kind: "suspend",
        scoringId: s.id,
        date: s.date,
        until: addMonths(s.date, months),
        decided: s.suspensionMonths !== null,
        barYears: null,
        reason: `暂停：${year}年累计记分${after}分（${sum}），达到${rules.suspendAt}分，暂停医保支付资格${
          s.suspensionMonths !== null
            ? `${months}个月`
            : `${rules.suspensionMonths.min}–${rules.suspensionMonths.max}个月（期限待定）`
        }`,
      });
    }
  }
  let status: StaffStatusKind = "normal";
  let statusUntil: string | null = null;
  let reason = "未达到暂停或终止标准";
  const lastTermination = [...actions].reverse().find((a) => a.kind === "terminate");
  if (lastTermination) {
    status = asOf < lastTermination.until ? "terminated" : "may-reregister";
    statusUntil = lastTermination.until;
    reason = lastTermination.reason;
  }
  if (status !== "terminated") {
    const activeSuspension = actions.find((a) => a.kind === "suspend" && a.date <= asOf && asOf < a.until);
    if (activeSuspension && (!lastTermination || activeSuspension.date > lastTermination.date)) {
      status = "suspended";
      statusUntil = activeSuspension.until;
      reason = activeSuspension.reason;
    }
  }
  const institutions = new Set(list.map((s) => s.institutionId));
  for (const i of extraInstitutions ?? []) institutions.add(i);
  return {
    personId,
    personName: list[list.length - 1]!.personName,
    asOf,
    pointsThisYear: pointsByYear[asOf.slice(0, 4)] ?? 0,
    pointsByYear,
    status,
    statusUntil,
    actions,
    institutions: [...institutions].sort(),
    reason:
      status === "normal" && (pointsByYear[asOf.slice(0, 4)] ?? 0) > 0
        ? `本年度已记${pointsByYear[asOf.slice(0, 4)]}分，未达到暂停标准`
        : reason,
  };
}

/** The severity band a number of points falls in (一般违规 1–3 …). */
export function severityOf(points: number, rules: StaffPointRules = nationalStaffRules2024): string | null {
  return rules.severityBands.find((b) => points >= b.min && points <= b.max)?.label ?? null;
}
