import { z } from "zod";
import { Id, IsoDate, Year } from "../common/schema.ts";
import { OutlineKind } from "./outline-kind.ts";

export const WorkStatus = z.enum(["notStarted", "inProgress", "completed", "delayed", "cancelled"]);
export type WorkStatus = z.infer<typeof WorkStatus>;
export const workStatusLabels: Record<WorkStatus, string> = {
  notStarted: "未启动",
  inProgress: "推进中",
  completed: "已完成",
  delayed: "滞后",
  cancelled: "已取消",
};

/** A yearly progress note on a task or 专栏 item. */
export const ProgressNote = z.object({
  year: Year,
  text: z.string().min(1),
  recordedBy: z.string().nullable(),
  recordedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ProgressNote = z.infer<typeof ProgressNote>;

/** Fields shared by tasks and 专栏 items. */
const WorkItemFields = {
  id: Id,
  planId: Id,
  /** Number as printed: "第三章", "第一节", "（一）", "1." */
  number: z.string(),
  title: z.string().min(1),
  /** Body text. */
  text: z.string(),
  /** Lead department (牵头单位), when the plan names one. */
  leadDepartment: z.string().nullable(),
  deadline: IsoDate.nullable(),
  status: WorkStatus,
  progress: z.array(ProgressNote),
  position: z.number().int().nonnegative(),
};

/**
 * A node of the key-task outline (重点任务): chapter → section → numbered task. `level` 1 is a
 * chapter; `parentId` links to the enclosing node.
 */
export const Task = z.object({
  ...WorkItemFields,
  level: z.number().int().min(1).max(6),
  parentId: Id.nullable(),
  /** Set by the importer, correctable by a planner; absent: classified from the titles. */
  kind: OutlineKind.nullable().optional(),
});
export type Task = z.infer<typeof Task>;

/** An item inside a 专栏 box. */
export const ProjectItem = z.object({ ...WorkItemFields, projectId: Id });
export type ProjectItem = z.infer<typeof ProjectItem>;

/** A boxed project (专栏), e.g. "专栏2 医疗保障信息化建设工程". */
export const Project = z.object({
  id: Id,
  planId: Id,
  /** "专栏2" */
  number: z.string(),
  title: z.string().min(1),
  position: z.number().int().nonnegative(),
});
export type Project = z.infer<typeof Project>;
