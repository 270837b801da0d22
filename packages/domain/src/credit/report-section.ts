import type { CreditSection, ReportTable } from "../report/model.ts";
import type { CompanyRating } from "./company/schema.ts";
import type { GradeDistribution } from "./institution/distribution.ts";
import type { StaffStanding } from "./staff/schema.ts";

/**
 * The credit section of the yearly report (the `credit` slot of `buildPlanReport`): grade
 * distribution of the designated institutions (with the change on the previous year), companies
 * rated dishonest in the province's market with their reasons, and staff point-system outcomes.
 * Every part is optional: only what the caller has data for is written. Pure.
 */
export interface CreditSectionInput {
  readonly jurisdictionName: string;
  readonly year: number;
  readonly institutions?: {
    readonly ruleSetName: string;
    readonly gradeOrder: readonly string[];
    /** Distributions of the jurisdiction for several years (the report year and earlier). */
    readonly distributions: readonly GradeDistribution[];
  };
  /** Company ratings of the year's last rated quarter in the province's market. */
  readonly companyRatings?: readonly CompanyRating[];
  /** Staff standings as of 31 December of the year, for staff of the jurisdiction's institutions. */
  readonly staff?: readonly StaffStanding[];
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function buildCreditSection(input: CreditSectionInput): CreditSection {
  const { year } = input;
  const paragraphs: string[] = [];
  const tables: ReportTable[] = [];

  const inst = input.institutions;
  if (inst) {
    const byYear = new Map(inst.distributions.map((d) => [d.year, d]));
    const now = byYear.get(year);
    if (now && now.total > 0) {
      const parts = inst.gradeOrder.map((g) => `${g}级${now.counts[g] ?? 0}家（${pct(now.shares[g] ?? 0)}）`);
      let text = `${year}年，${input.jurisdictionName}共${now.total}家定点医药机构参加信用评价（${inst.ruleSetName}），其中${parts.join("、")}`;
      const prev = byYear.get(year - 1);
      const best = inst.gradeOrder[0];
      const worst = inst.gradeOrder.at(-1);
      if (prev && prev.total > 0 && best && worst) {
        const d = (now.shares[best] ?? 0) - (prev.shares[best] ?? 0);
        const w = (now.shares[worst] ?? 0) - (prev.shares[worst] ?? 0);
        text += `；${best}级占比较上年${change(d)}，${worst}级占比较上年${change(w)}`;
      }
      paragraphs.push(`${text}。`);
      const years = [...byYear.keys()].filter((y) => y <= year).sort((a, b) => a - b);
      tables.push({
        title: "定点医药机构信用等级分布",
        columns: ["年度", "机构数", ...inst.gradeOrder.map((g) => `${g}级`), `${best}级占比`],
        rows: years.map((y) => {
          const d = byYear.get(y)!;
          return [
            `${y}年`,
            d.total,
            ...inst.gradeOrder.map((g) => d.counts[g] ?? 0),
            pct(d.shares[best!] ?? 0),
          ];
        }),
      });
    } else {
      paragraphs.push(`${year}年${input.jurisdictionName}暂无定点医药机构信用评价结果。`);
    }
  }

  const ratings = input.companyRatings;
  if (ratings) {
    const rated = ratings.filter((r) => r.level !== null);
    const serious = rated
      .filter((r) => r.level!.severity >= 3)
      .sort(
        (a, b) => b.level!.severity - a.level!.severity || a.companyName.localeCompare(b.companyName, "zh"),
      );
    const most = serious.filter((r) => r.level!.severity >= 4).length;
    if (rated.length === 0) {
      paragraphs.push(`${year}年末，本省医药价格和招采信用评价中无处于失信等级的医药企业。`);
    } else {
      paragraphs.push(
        `${year}年末，本省医药价格和招采信用评价中处于失信等级的医药企业${rated.length}家，其中严重及以上${serious.length}家（特别严重${most}家），已按等级采取提醒告诫、提示风险、取消或中止挂网等处置措施。`,
      );
    }
    if (serious.length > 0) {
      tables.push({
        title: "严重及以上失信等级医药企业",
        columns: ["企业", "失信等级", "评级依据", "有效期至"],
        rows: serious.map((r) => [r.companyName, r.level!.label, r.reason, r.expiresOn]),
      });
    }
  }

  const staff = input.staff;
  if (staff) {
    const scored = staff.filter((s) => (s.pointsByYear[String(year)] ?? 0) > 0);
    const points = scored.reduce((s, p) => s + (p.pointsByYear[String(year)] ?? 0), 0);
    const inYear = (kind: "suspend" | "terminate") =>
      staff.filter((s) => s.actions.some((a) => a.kind === kind && a.date.startsWith(String(year)))).length;
    const suspended = inYear("suspend");
    const terminated = inYear("terminate");
    paragraphs.push(
      scored.length === 0
        ? `${year}年未对定点医药机构相关人员记分。`
        : `${year}年对定点医药机构相关人员${scored.length}人记分、合计${points}分，暂停医保支付资格${suspended}人，终止${terminated}人。`,
    );
    if (scored.length > 0) {
      tables.push({
        title: "医保支付资格记分情况",
        columns: ["记分区间", "人数"],
        rows: [
          ["1–8分", scored.filter((s) => (s.pointsByYear[String(year)] ?? 0) < 9).length],
          [
            "9–11分（暂停）",
            scored.filter(
              (s) => (s.pointsByYear[String(year)] ?? 0) >= 9 && (s.pointsByYear[String(year)] ?? 0) < 12,
            ).length,
          ],
          ["12分及以上（终止）", scored.filter((s) => (s.pointsByYear[String(year)] ?? 0) >= 12).length],
        ],
      });
    }
  }

  return { key: "credit", title: "医保信用评价", paragraphs, tables };
}

function change(d: number): string {
  const p = Math.round(Math.abs(d) * 1000) / 10;
  if (p === 0) return "持平";
  return `${d > 0 ? "提高" : "下降"}${p}个百分点`;
}
