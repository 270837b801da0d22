import { type Db, indicators, plans, projectItems, projects, tasks } from "@ybplan/db";
import type { PlanDocument, PlanStatus } from "@ybplan/domain/plan";
import {
  baseTitle,
  diffPlan,
  draftStageOf,
  isUnchanged,
  type PlanDiff,
  type PlanSnapshot,
  snapshotOfDocument,
} from "@ybplan/domain/revision";
import { asc, eq } from "drizzle-orm";

/**
 * Which stored plan an imported text revises (same jurisdiction, same title without its stage
 * mark), what the text changes there, and the status it brings (a 征求意见稿 is a draft; the
 * final text of a draft publishes it).
 */

type PlanRow = typeof plans.$inferSelect;

async function revisedPlan(db: Db, code: string, title: string): Promise<PlanRow | null> {
  const rows = await db.select().from(plans).where(eq(plans.jurisdictionCode, code));
  return (
    rows.find((p) => p.title === title) ?? rows.find((p) => baseTitle(p.title) === baseTitle(title)) ?? null
  );
}

async function storedSnapshot(db: Db, plan: PlanRow): Promise<PlanSnapshot> {
  const [ind, tsk, itm] = await Promise.all([
    db.select().from(indicators).where(eq(indicators.planId, plan.id)).orderBy(asc(indicators.position)),
    db.select().from(tasks).where(eq(tasks.planId, plan.id)).orderBy(asc(tasks.position)),
    db
      .select({ item: projectItems })
      .from(projectItems)
      .innerJoin(projects, eq(projects.id, projectItems.projectId))
      .where(eq(projects.planId, plan.id))
      .orderBy(asc(projects.position), asc(projectItems.position)),
  ]);
  return {
    plan: {
      title: plan.title,
      issuer: plan.issuer,
      documentNumber: plan.documentNumber,
      issueDate: plan.issueDate,
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      baselineYear: plan.baselineYear,
    },
    // Work indicators confirmed under a task or 专栏 item are in no document table either.
    indicators: ind
      .filter((i) => i.taskId === null && i.projectItemId === null)
      .map((i) => ({
        key: i.key,
        name: i.name,
        unit: i.unit,
        baselineText: i.baselineText,
        targetText: i.targetText,
        attribute: i.attribute,
      })),
    // Tasks and items added by hand are not in any document: they are not "removed" by one.
    tasks: tsk
      .filter((t) => !t.key.startsWith("manual/"))
      .map((t) => ({ key: t.key, number: t.number, title: t.title })),
    items: itm
      .filter((r) => !r.item.key.startsWith("manual/"))
      .map((r) => ({ key: r.item.key, number: r.item.number, title: r.item.title })),
  };
}

export interface RevisionPreview {
  readonly existing: PlanRow | null;
  readonly diff: PlanDiff | null;
  readonly unchanged: boolean;
  /** Status after saving: draft for a drafting-stage text, published for the final text of a draft. */
  readonly status: PlanStatus | undefined;
}

export async function previewRevision(db: Db, code: string, doc: PlanDocument): Promise<RevisionPreview> {
  const existing = await revisedPlan(db, code, doc.plan.title);
  const draft = doc.plan.status === "draft" || draftStageOf(doc.plan.title) !== null;
  const status: PlanStatus | undefined = draft
    ? "draft"
    : existing?.status === "draft"
      ? "published"
      : undefined;
  if (!existing) return { existing, diff: null, unchanged: false, status };
  const diff = diffPlan(await storedSnapshot(db, existing), snapshotOfDocument(doc));
  return {
    existing,
    diff,
    unchanged: isUnchanged(diff) && (status === undefined || status === existing.status),
    status,
  };
}
