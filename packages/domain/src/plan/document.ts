import { z } from "zod";
import { IsoDate, Year } from "../common/schema.ts";
import { Indicator } from "../indicator/schema.ts";
import { AdminCode } from "../jurisdiction/schema.ts";
import { OutlineKind } from "../task/outline-kind.ts";
import { PlanStatus } from "./schema.ts";

/**
 * A plan as read from its published document, before it has database ids: the stable JSON form
 * the importer produces (`ybplan import plan FILE --dry-run --format json`) and the server commits.
 * Entities reference each other by `key` (stable across re-imports of the same document), so a
 * re-import can update rows in place without losing their observations.
 */
export const PlanDocumentFormat = "ybplan.plan-document/v1" as const;

/** A problem found while reading, with the 1-based source line. Nothing is dropped silently. */
export const ImportWarning = z.object({
  line: z.number().int().nonnegative(),
  /** Chinese message for the user, e.g. "无法识别的指标行". */
  message: z.string().min(1),
  /** The offending source text (trimmed). */
  text: z.string(),
  /** Stable machine-readable kind, e.g. `unreadableCell`, `unplacedRow` (importer's WarningCode). */
  code: z.string().optional(),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

export const PlanMetadataDraft = z.object({
  title: z.string().min(1),
  issuer: z.string().nullable(),
  documentNumber: z.string().nullable(),
  issueDate: IsoDate.nullable(),
  /** Resolved jurisdiction code, when the document's issuer or title names a known one. */
  jurisdictionCode: AdminCode.nullable(),
  /** The jurisdiction's name as found in the document, e.g. 黄石市. */
  jurisdictionName: z.string().nullable(),
  periodStart: Year,
  periodEnd: Year,
  baselineYear: Year,
  /** `draft` when the document says so (征求意见稿, 草案); absent or `published` otherwise. */
  status: PlanStatus.optional(),
});
export type PlanMetadataDraft = z.infer<typeof PlanMetadataDraft>;

export const IndicatorDraft = Indicator.omit({ id: true, planId: true, parentIndicatorId: true }).extend({
  /** Stable key within the plan: normalised category + name. */
  key: z.string().min(1),
  /** `table`: read from the indicator table; `prose`: inferred from running text (check it). */
  confidence: z.enum(["table", "prose"]),
  /** First source line of the row. */
  line: z.number().int().nonnegative(),
  /**
   * The row's text cells exactly as the document gives them (before simplification and unit
   * splitting); baseline and target keep theirs in `baseline.text` / `target.text`.
   */
  source: z
    .object({
      category: z.string(),
      name: z.string(),
      definition: z.string().nullable(),
      attribute: z.string(),
    })
    .optional(),
});
export type IndicatorDraft = z.infer<typeof IndicatorDraft>;

export const WorkItemDraft = z.object({
  key: z.string().min(1),
  number: z.string(),
  title: z.string().min(1),
  text: z.string(),
  leadDepartment: z.string().nullable(),
  deadline: IsoDate.nullable(),
  line: z.number().int().nonnegative(),
});
export type WorkItemDraft = z.infer<typeof WorkItemDraft>;

/** An outline node: chapter (level 1), section (2), numbered task (3+). */
export const TaskDraft = WorkItemDraft.extend({
  level: z.number().int().min(1).max(6),
  parentKey: z.string().nullable(),
  /** 背景 / 原则 / 目标 / 重点任务 / 保障措施, as the importer reads it from the titles. */
  kind: OutlineKind.nullable().optional(),
});
export type TaskDraft = z.infer<typeof TaskDraft>;

export const ProjectDraft = z.object({
  key: z.string().min(1),
  /** "专栏2" (simplified). */
  number: z.string(),
  title: z.string().min(1),
  line: z.number().int().nonnegative(),
  items: z.array(WorkItemDraft),
});
export type ProjectDraft = z.infer<typeof ProjectDraft>;

export const PlanDocument = z.object({
  format: z.literal(PlanDocumentFormat),
  plan: PlanMetadataDraft,
  indicators: z.array(IndicatorDraft),
  tasks: z.array(TaskDraft),
  projects: z.array(ProjectDraft),
  /** Footnotes of the indicator table, by marker ("①"). */
  footnotes: z.array(z.object({ mark: z.string(), text: z.string() })),
  warnings: z.array(ImportWarning),
  /** Where the document came from and how it was read (informational). */
  source: z
    .object({
      fileName: z.string(),
      format: z.enum(["text", "markdown", "html", "docx"]),
      /** Text encoding detected (`utf-8`, `gb18030`, …); null for .docx. */
      encoding: z.string().nullable(),
    })
    .optional(),
});
export type PlanDocument = z.infer<typeof PlanDocument>;
