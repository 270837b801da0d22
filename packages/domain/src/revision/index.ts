import type { PlanDocument } from "../plan/document.ts";

/**
 * Revisions of a plan: a revised text (修订稿, 征求意见稿 → 正式稿) is the same plan, so titles are
 * compared without their drafting-stage marks; what changed between the stored plan and the new
 * text is listed field by field for a side-by-side view. An unchanged text changes nothing.
 */

const stageMark =
  /[（(]\s*(征求意见稿|修订稿|送审稿|讨论稿|草案|草稿|修改稿|报批稿|审议稿|正式稿)\s*[）)]\s*$/;

/** The drafting stage a title names ("征求意见稿"), or null for a final text. */
export function draftStageOf(title: string): string | null {
  const m = stageMark.exec(title.trim());
  return m && m[1] !== "正式稿" ? m[1]! : null;
}

/** The title without its stage mark: the identity of a plan across its revisions. */
export function baseTitle(title: string): string {
  return title.trim().replace(stageMark, "").trim();
}

/** The stored plan in the shape the comparison needs (texts as people typed or imported them). */
export interface PlanSnapshot {
  readonly plan: {
    readonly title: string;
    readonly issuer: string | null;
    readonly documentNumber: string | null;
    readonly issueDate: string | null;
    readonly periodStart: number;
    readonly periodEnd: number;
    readonly baselineYear: number;
  };
  readonly indicators: readonly {
    readonly key: string;
    readonly name: string;
    readonly unit: string | null;
    readonly baselineText: string;
    readonly targetText: string;
    readonly attribute: string;
  }[];
  readonly tasks: readonly { readonly key: string; readonly number: string; readonly title: string }[];
  readonly items: readonly { readonly key: string; readonly number: string; readonly title: string }[];
}

export interface FieldChange {
  readonly field: string;
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

export interface EntryChange {
  readonly key: string;
  readonly name: string;
  readonly change: "added" | "removed" | "changed";
  /** For "changed": the fields that differ. */
  readonly fields: readonly FieldChange[];
}

export interface PlanDiff {
  readonly plan: readonly FieldChange[];
  readonly indicators: readonly EntryChange[];
  readonly tasks: readonly EntryChange[];
  readonly items: readonly EntryChange[];
}

const show = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === "" ? "—" : String(v);

function fields<T>(before: T, after: T, labels: readonly [keyof T & string, string][]): FieldChange[] {
  return labels
    .filter(([k]) => show(before[k] as never) !== show(after[k] as never))
    .map(([k, label]) => ({
      field: k,
      label,
      before: show(before[k] as never),
      after: show(after[k] as never),
    }));
}

function entries<T extends { key: string }>(
  before: readonly T[],
  after: readonly T[],
  name: (t: T) => string,
  labels: readonly [keyof T & string, string][],
): EntryChange[] {
  const old = new Map(before.map((b) => [b.key, b]));
  const next = new Map(after.map((a) => [a.key, a]));
  const out: EntryChange[] = [];
  for (const a of after) {
    const b = old.get(a.key);
    if (!b) out.push({ key: a.key, name: name(a), change: "added", fields: [] });
    else {
      const f = fields(b, a, labels);
      if (f.length > 0) out.push({ key: a.key, name: name(a), change: "changed", fields: f });
    }
  }
  for (const b of before)
    if (!next.has(b.key)) out.push({ key: b.key, name: name(b), change: "removed", fields: [] });
  return out;
}

/** The new text in the snapshot's shape. */
export function snapshotOfDocument(doc: PlanDocument): PlanSnapshot {
  return {
    plan: {
      title: doc.plan.title,
      issuer: doc.plan.issuer,
      documentNumber: doc.plan.documentNumber,
      issueDate: doc.plan.issueDate,
      periodStart: doc.plan.periodStart,
      periodEnd: doc.plan.periodEnd,
      baselineYear: doc.plan.baselineYear,
    },
    indicators: doc.indicators.map((i) => ({
      key: i.key,
      name: i.name,
      unit: i.unit,
      baselineText: i.baseline.text,
      targetText: i.target.text,
      attribute: i.attribute,
    })),
    tasks: doc.tasks.map((t) => ({ key: t.key, number: t.number, title: t.title })),
    items: doc.projects.flatMap((p) =>
      p.items.map((i) => ({ key: i.key, number: i.number, title: i.title })),
    ),
  };
}

/** What the new text changes in the stored plan (metadata, indicators and targets, tasks, 专栏 items). */
export function diffPlan(stored: PlanSnapshot, next: PlanSnapshot): PlanDiff {
  return {
    plan: fields(stored.plan, next.plan, [
      ["title", "规划名称"],
      ["issuer", "发文机关"],
      ["documentNumber", "文号"],
      ["issueDate", "印发日期"],
      ["periodStart", "规划期起"],
      ["periodEnd", "规划期止"],
      ["baselineYear", "基期年份"],
    ]),
    indicators: entries(stored.indicators, next.indicators, (i) => i.name, [
      ["name", "指标名称"],
      ["unit", "单位"],
      ["baselineText", "基期值"],
      ["targetText", "目标值"],
      ["attribute", "属性"],
    ]),
    tasks: entries(stored.tasks, next.tasks, (t) => `${t.number}${t.title}`, [
      ["number", "编号"],
      ["title", "标题"],
    ]),
    items: entries(stored.items, next.items, (t) => `${t.number}${t.title}`, [
      ["number", "编号"],
      ["title", "标题"],
    ]),
  };
}

export function isUnchanged(d: PlanDiff): boolean {
  return d.plan.length + d.indicators.length + d.tasks.length + d.items.length === 0;
}
