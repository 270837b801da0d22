import type { PlanDocument } from "@ybplan/domain/plan";
import { keyTaskKeys } from "@ybplan/domain/task";
import { clean } from "../text/clean.ts";

/**
 * Work indicators stated inside key tasks and 专栏 items, as PROPOSALS for a person to confirm
 * (nothing here is stored; the API's `workIndicators.confirm` records a confirmed one):
 * - staged yearly targets: "按2022年、2023年、2024年三年安排，实现DRG付费医疗机构病种全面覆盖，每年进度
 *   分别不低于70%、80%、90%" (青阳 专栏2 item 1) → one target per year;
 * - dated counts: "到2025年，建成1个…示范窗口，101个医疗保障基层服务示范点" (黄石 专栏10 (3)) → one
 *   count per thing to build, due in that year.
 * Conservative: a staged list whose years cannot be matched to its values is a warning, never a
 * guess.
 */

export interface WorkIndicatorOwner {
  readonly kind: "task" | "projectItem";
  /** The task's or item's key in the plan document (stable across re-imports). */
  readonly key: string;
  /** "专栏2 (1) 医保基金总额预算管理", "三（二） 全面实行多元复合式医保支付". */
  readonly label: string;
}

export interface StagedTargetProposal {
  readonly year: number;
  /** "≥70%" — a target cell the domain parser reads. */
  readonly target: string;
}

export interface WorkIndicatorProposal {
  readonly owner: WorkIndicatorOwner;
  /** 1-based source line of the task or item. */
  readonly line: number;
  /** The clause the proposal was read from. */
  readonly text: string;
  /** Suggested name ("DRG付费医疗机构病种覆盖率"): a person should check it. */
  readonly name: string;
  readonly unit: string | null;
  /** The target for the end of the period, when the text states one ("达到70%" → "≥70%"). */
  readonly target: string | null;
  /** Targets of single years, in year order. */
  readonly stages: readonly StagedTargetProposal[];
}

export interface WorkIndicatorWarning {
  readonly code: "stageYearsUnclear";
  readonly line: number;
  readonly message: string;
  readonly text: string;
}

export interface WorkIndicatorProposals {
  readonly proposals: readonly WorkIndicatorProposal[];
  readonly warnings: readonly WorkIndicatorWarning[];
}

/** What the proposer reads of a plan: its period, key tasks and 专栏 items. */
export type ProposalSource = {
  readonly plan: Pick<PlanDocument["plan"], "periodEnd">;
  readonly tasks: PlanDocument["tasks"];
  readonly projects: PlanDocument["projects"];
};

const UNIT = "(%|个|家|项|类|所|万人|人)";
const VALUE = `(\\d+(?:\\.\\d+)?)\\s*${UNIT}`;
/** "每年进度(应)分别不低于 70%、80%、90%" */
const STAGED = new RegExp(
  `(每年|逐年|各年度?|年度)?(?:进度)?(?:应|要)?分别(不低于|不少于|达到|不超过|不高于|低于|控制在)\\s*((?:${VALUE}\\s*[、，,和及]\\s*)+${VALUE})`,
);
const YEAR_LIST = /((?:20\d{2})\s*年?\s*(?:[、，,和及]\s*20\d{2}\s*年?\s*)+)/g;
const YEAR_RANGE = /(20\d{2})\s*年?\s*(?:—|－|-|~|～|至|到)\s*(20\d{2})\s*年/;
/** "到2025年(底)，建成1个…，101个…" */
const DATED_BUILD = /(?:到|至)\s*(20\d{2})\s*年[底末]?\s*[，,]?\s*(建成|建设|创建|打造|培育|建立)/;
const COUNT_ITEM = /(\d+)\s*(个|家|所|项)([^，、；。,;：:]{2,30})/g;
/** "达到70%" at the end of the clause before the staged list: the end target. */
const FINAL_TARGET = new RegExp(`(达到|不低于|超过)\\s*${VALUE}\\s*$`);
const LEADING_VERB = /^(?:并|且|同时)?(?:实现|推动|推进|确保|力争|争取|做到|全面实现)\s*/;

function opOf(word: string): string {
  if (/不低于|不少于|达到/.test(word)) return "≥";
  return /不超过|不高于|低于|控制在/.test(word) ? "≤" : "≥";
}

/** Sentences of a text, each with the clauses before a position available. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？])|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function yearsBefore(sentence: string, end: number): number[] {
  const head = sentence.slice(0, end);
  let years: number[] = [];
  for (const m of head.matchAll(YEAR_LIST)) {
    years = [...(m[1] ?? "").matchAll(/20\d{2}/g)].map((y) => Number(y[0]));
  }
  if (years.length > 0) return years;
  const range = YEAR_RANGE.exec(head);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to > from && to - from < 10) return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  return [];
}

/** The clause naming what the staged list measures ("实现DRG付费医疗机构病种全面覆盖"). */
function clauseBefore(sentence: string, end: number): string {
  const head = sentence.slice(0, end).replace(/[，,；;：:\s]+$/, "");
  const start = Math.max(...["，", ",", "；", ";", "。"].map((p) => head.lastIndexOf(p)));
  return head.slice(start + 1).trim();
}

/** A name for the quantity a clause describes: "病种全面覆盖" → "病种覆盖率"; "A占B" → "A占B比例". */
function nameOf(clause: string): string {
  let n = clause.replace(FINAL_TARGET, "").replace(LEADING_VERB, "").replace(/\s+/g, "");
  n = n.replace(/(全面|基本|全部)?覆盖$/, "覆盖率");
  if (/占/.test(n) && !/(比例|占比|比重|率)$/.test(n)) n = `${n}比例`;
  return n;
}

function stagedProposals(
  owner: WorkIndicatorOwner,
  line: number,
  text: string,
  warnings: WorkIndicatorWarning[],
): WorkIndicatorProposal[] {
  const out: WorkIndicatorProposal[] = [];
  for (const sentence of sentences(text)) {
    let from = 0;
    for (;;) {
      const m = STAGED.exec(sentence.slice(from));
      if (!m) break;
      const at = from + m.index;
      from = at + m[0].length;
      const values = [...(m[3] ?? "").matchAll(new RegExp(VALUE, "g"))].map((v) => ({
        value: v[1] ?? "",
        unit: v[2] ?? "",
      }));
      const years = yearsBefore(sentence, at);
      const clause = clauseBefore(sentence, at);
      const quote = `${clause}，${m[0]}`;
      if (years.length !== values.length) {
        warnings.push({
          code: "stageYearsUnclear",
          line,
          message:
            years.length === 0
              ? "分年度目标未写明对应年份，请人工补充"
              : `分年度目标有 ${values.length} 个数值，但写明了 ${years.length} 个年份，请人工核对`,
          text: quote,
        });
        continue;
      }
      const op = opOf(m[2] ?? "");
      const final = FINAL_TARGET.exec(clause);
      out.push({
        owner,
        line,
        text: quote,
        name: nameOf(clause),
        unit: values[0]?.unit ?? null,
        target: final ? `${final[1] === "超过" ? ">" : "≥"}${final[2]}${final[3]}` : null,
        stages: years.map((year, i) => ({ year, target: `${op}${values[i]?.value}${values[i]?.unit}` })),
      });
    }
  }
  return out;
}

function datedCounts(
  owner: WorkIndicatorOwner,
  line: number,
  text: string,
  periodEnd: number,
): WorkIndicatorProposal[] {
  const out: WorkIndicatorProposal[] = [];
  for (const sentence of sentences(text)) {
    const m = DATED_BUILD.exec(sentence);
    if (!m) continue;
    const year = Number(m[1]);
    const rest = sentence.slice(m.index + m[0].length);
    for (const c of rest.matchAll(COUNT_ITEM)) {
      const unit = c[2] ?? "个";
      const target = `≥${c[1]}${unit}`;
      out.push({
        owner,
        line,
        text: `到${year}年，${m[2]}${c[0]}`,
        name: (c[3] ?? "").trim(),
        unit,
        target,
        // due at the end of the period: the plan's own target, no separate stage
        stages: year === periodEnd ? [] : [{ year, target }],
      });
    }
  }
  return out;
}

function read(
  owner: WorkIndicatorOwner,
  line: number,
  text: string,
  periodEnd: number,
  warnings: WorkIndicatorWarning[],
): WorkIndicatorProposal[] {
  const t = clean(text);
  return [...stagedProposals(owner, line, t, warnings), ...datedCounts(owner, line, t, periodEnd)];
}

/** Proposals from a plan's key tasks and 专栏 items, in document order. */
export function proposeWorkIndicators(doc: ProposalSource): WorkIndicatorProposals {
  const warnings: WorkIndicatorWarning[] = [];
  const proposals: WorkIndicatorProposal[] = [];
  const keyTasks = keyTaskKeys(doc.tasks);
  for (const t of doc.tasks) {
    if (!keyTasks.has(t.key)) continue;
    const owner: WorkIndicatorOwner = { kind: "task", key: t.key, label: `${t.number}${t.title}`.trim() };
    proposals.push(...read(owner, t.line, `${t.title}。${t.text}`, doc.plan.periodEnd, warnings));
  }
  for (const p of doc.projects) {
    for (const item of p.items) {
      const owner: WorkIndicatorOwner = {
        kind: "projectItem",
        key: item.key,
        label: `${p.number}${item.number === "" ? " " : `（${item.number}）`}${item.title}`,
      };
      proposals.push(...read(owner, item.line, `${item.title}。${item.text}`, doc.plan.periodEnd, warnings));
    }
  }
  return { proposals, warnings };
}
