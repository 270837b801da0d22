import { projectItems, projects, tasks } from "@ybplan/db";
import { IsoDate, isoDateInChina, Year } from "@ybplan/domain/common";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import { Task, WorkStatus } from "@ybplan/domain/task";
import { z } from "zod";
import { versioned, withLimits } from "../services/common.ts";
import { ProgressNoteDto, ProjectDto, ProjectItemDto, TaskDto } from "../services/dto.ts";
import { deleteVersioned, updateVersioned } from "../services/versioned-write.ts";
import * as svc from "../services/work-items.ts";
import { protectedProcedure, router } from "../trpc.ts";

/** Key tasks and their yearly progress. Structure: editPlan; status and notes: enterData. */
const WorkFields = withLimits(
  Task.pick({
    number: true,
    title: true,
    leadDepartment: true,
    deadline: true,
    status: true,
    position: true,
  }),
  { number: 30, title: 300, leadDepartment: 200 },
  { title: "请输入标题" },
).extend({
  // Body text as typed (not trimmed), bounded.
  text: Task.shape.text.max(20_000),
  leadDepartmentId: z.uuid().nullable(),
  coDepartmentIds: z.array(z.uuid()).max(50),
});

const MoveInput = z.object({
  id: z.uuid(),
  version: z.number().int().positive(),
  direction: z.enum(["up", "down"]),
});

const StatusInput = z.object({ id: z.uuid(), version: z.number().int().positive(), status: WorkStatus });

const NoteInput = z.object({
  year: Year,
  text: z.string().max(5000),
  version: z.number().int().positive().nullable(),
});

export const tasksRouter = router({
  list: protectedProcedure
    .input(z.object({ planId: z.uuid() }))
    .output(z.array(TaskDto))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      return svc.listTasks(ctx.db, input.planId);
    }),

  create: protectedProcedure
    .input(
      WorkFields.partial().extend({
        planId: z.uuid(),
        title: WorkFields.shape.title,
        parentId: z.uuid().nullable(),
      }),
    )
    .output(TaskDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { planId: input.planId });
      return svc.createTask(ctx.db, ctx.actor, code, input);
    }),

  update: protectedProcedure
    .input(versioned(WorkFields.partial()))
    .output(TaskDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { taskId: input.id });
      return svc.taskAnswer(ctx.db, await svc.updateWorkItem(ctx.db, ctx.actor, "task", code, input));
    }),

  /** One place up or down among its siblings. */
  move: protectedProcedure.input(MoveInput).mutation(async ({ ctx, input }) => {
    const code = await ctx.authorize("editPlan", { taskId: input.id });
    return svc.moveWorkItem(ctx.db, ctx.actor, "task", code, input);
  }),

  /**
   * The planner's view of a jurisdiction's work: by lead unit, overdue first. `today` fixes the
   * clock (tests, a browser showing its own date); the server's date in China otherwise.
   */
  byLeadUnit: protectedProcedure
    .input(
      z.object({
        jurisdictionCode: AdminCode,
        planId: z.uuid().optional(),
        departmentId: z.uuid().optional(),
        today: IsoDate.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
      return svc.workByLeadUnit(ctx.db, { ...input, today: input.today ?? isoDateInChina(new Date()) });
    }),

  setStatus: protectedProcedure
    .input(StatusInput)
    .output(TaskDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("enterData", { taskId: input.id });
      const data = { status: input.status };
      return svc.taskAnswer(
        ctx.db,
        await updateVersioned(ctx.db, ctx.actor, tasks, "task", code, { ...input, data }, "setStatus"),
      );
    }),

  delete: protectedProcedure
    .input(z.object({ id: z.uuid(), version: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { taskId: input.id });
      return deleteVersioned(ctx.db, ctx.actor, tasks, "task", code, input);
    }),

  /** The task's note for a year (create, update, or clear with empty text). */
  saveProgress: protectedProcedure
    .input(NoteInput.extend({ taskId: z.uuid() }))
    .output(ProgressNoteDto.nullable())
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("enterData", { taskId: input.taskId });
      return svc.saveProgressNote(ctx.db, ctx.actor, code, input);
    }),
});

/** 专栏 boxes and their items. */
export const projectsRouter = router({
  list: protectedProcedure
    .input(z.object({ planId: z.uuid() }))
    .output(z.array(ProjectDto))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      return svc.listProjects(ctx.db, input.planId);
    }),

  create: protectedProcedure
    .input(
      z.object({
        planId: z.uuid(),
        number: z.string().trim().max(30),
        title: z.string().trim().min(1).max(300),
      }),
    )
    .output(ProjectDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { planId: input.planId });
      return svc.createProject(ctx.db, ctx.actor, code, input);
    }),

  update: protectedProcedure
    .input(
      versioned(
        z
          .object({
            number: z.string().trim().max(30),
            title: z.string().trim().min(1).max(300),
            position: z.number().int().nonnegative(),
          })
          .partial(),
      ),
    )
    .output(ProjectDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { projectId: input.id });
      return svc.projectAnswer(
        ctx.db,
        await updateVersioned(ctx.db, ctx.actor, projects, "project", code, input),
      );
    }),

  delete: protectedProcedure
    .input(z.object({ id: z.uuid(), version: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { projectId: input.id });
      return deleteVersioned(ctx.db, ctx.actor, projects, "project", code, input);
    }),

  createItem: protectedProcedure
    .input(WorkFields.partial().extend({ projectId: z.uuid(), title: WorkFields.shape.title }))
    .output(ProjectItemDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { projectId: input.projectId });
      return svc.createProjectItem(ctx.db, ctx.actor, code, input);
    }),

  updateItem: protectedProcedure
    .input(versioned(WorkFields.partial()))
    .output(ProjectItemDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { projectItemId: input.id });
      return svc.projectItemAnswer(
        ctx.db,
        await svc.updateWorkItem(ctx.db, ctx.actor, "projectItem", code, input),
      );
    }),

  moveItem: protectedProcedure.input(MoveInput).mutation(async ({ ctx, input }) => {
    const code = await ctx.authorize("editPlan", { projectItemId: input.id });
    return svc.moveWorkItem(ctx.db, ctx.actor, "projectItem", code, input);
  }),

  setItemStatus: protectedProcedure
    .input(StatusInput)
    .output(ProjectItemDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("enterData", { projectItemId: input.id });
      const data = { status: input.status };
      return svc.projectItemAnswer(
        ctx.db,
        await updateVersioned(
          ctx.db,
          ctx.actor,
          projectItems,
          "projectItem",
          code,
          { ...input, data },
          "setStatus",
        ),
      );
    }),

  deleteItem: protectedProcedure
    .input(z.object({ id: z.uuid(), version: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { projectItemId: input.id });
      return deleteVersioned(ctx.db, ctx.actor, projectItems, "projectItem", code, input);
    }),

  saveItemProgress: protectedProcedure
    .input(NoteInput.extend({ projectItemId: z.uuid() }))
    .output(ProgressNoteDto.nullable())
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("enterData", { projectItemId: input.projectItemId });
      return svc.saveProgressNote(ctx.db, ctx.actor, code, input);
    }),
});
