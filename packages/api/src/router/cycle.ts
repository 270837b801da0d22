import { Year } from "@ybplan/domain/common";
import { AssessmentGrade } from "@ybplan/domain/cycle";
import { z } from "zod";
import { ForbiddenError } from "../errors.ts";
import * as svc from "../services/cycle.ts";
import { protectedProcedure, router } from "../trpc.ts";

/**
 * The yearly reporting cycle (see services/cycle.ts): a plan's year is filled and submitted by
 * its own level, reviewed (退回 with a reason / 通过) by a 规划编辑 of a level above, unlocked by an
 * administrator with a reason. Windows are opened per year and subtree by administrators.
 */
const PlanYear = z.object({ planId: z.uuid(), year: Year });
const Reason = z.string().trim().max(1000);
const Day = z.iso.date();

export const cycleRouter = router({
  status: protectedProcedure
    .input(PlanYear)
    .output(svc.CycleStatusDto)
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      return svc.cycleStatus(ctx.db, await ctx.directory(), ctx.user, input.planId, input.year);
    }),

  submit: protectedProcedure
    .input(PlanYear)
    .output(svc.CycleDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("enterData", { planId: input.planId });
      return svc.moveCycle(ctx.db, await ctx.directory(), ctx.actor, ctx.user, code, {
        ...input,
        action: "submit",
      });
    }),

  /** 退回: the reason is required (checked by the domain rule, answered as a field error). */
  return: protectedProcedure
    .input(PlanYear.extend({ reason: Reason }))
    .output(svc.CycleDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("read", { planId: input.planId });
      return svc.moveCycle(ctx.db, await ctx.directory(), ctx.actor, ctx.user, code, {
        ...input,
        action: "return",
      });
    }),

  approve: protectedProcedure
    .input(PlanYear)
    .output(svc.CycleDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("read", { planId: input.planId });
      return svc.moveCycle(ctx.db, await ctx.directory(), ctx.actor, ctx.user, code, {
        ...input,
        action: "approve",
      });
    }),

  /** 解锁 an approved year: administrators only, with a reason; audited. */
  unlock: protectedProcedure
    .input(PlanYear.extend({ reason: Reason }))
    .output(svc.CycleDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("admin", { planId: input.planId });
      return svc.moveCycle(ctx.db, await ctx.directory(), ctx.actor, ctx.user, code, {
        ...input,
        action: "unlock",
      });
    }),

  /** 待审核: submitted years below the caller's jurisdiction (empty for roles that cannot review). */
  queue: protectedProcedure
    .input(z.object({ year: Year.optional() }))
    .output(z.array(svc.QueueItemDto))
    .query(async ({ ctx, input }) => svc.reviewQueue(ctx.db, await ctx.directory(), ctx.user, input)),

  /** A clerk's to-do: plans and years due at their own level, returned years first. */
  todo: protectedProcedure
    .output(z.array(svc.TodoItemDto))
    .query(async ({ ctx }) => svc.todo(ctx.db, await ctx.directory(), ctx.user)),

  /** Completeness of a subtree for a year (已通过 / 已提交 / 未提交 / 退回 / 逾期). */
  completeness: protectedProcedure
    .input(z.object({ rootCode: z.string().min(2).max(12), year: Year }))
    .output(svc.CompletenessViewDto)
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.rootCode });
      const dir = await ctx.directory();
      const u = ctx.user;
      if (u.role !== "admin" && u.jurisdictionCode !== null) {
        const rel = dir.relation(u.jurisdictionCode, input.rootCode);
        if (rel !== "own" && rel !== "descendant")
          throw new ForbiddenError({ reason: "只能查看本级及下级的填报情况" });
      }
      return svc.completenessView(ctx.database, dir, input.rootCode, input.year);
    }),

  windows: protectedProcedure
    .input(z.object({ year: Year.optional() }))
    .output(z.array(svc.WindowListDto))
    .query(({ ctx, input }) => svc.listWindows(ctx.db, input)),

  openWindow: protectedProcedure
    .input(z.object({ year: Year, rootCode: z.string().min(2).max(12).nullable(), deadline: Day }))
    .output(svc.WindowDto)
    .mutation(async ({ ctx, input }) => {
      if (input.rootCode) await ctx.authorize("admin", { jurisdictionCode: input.rootCode });
      else if (ctx.user.role !== "admin") throw new ForbiddenError({ reason: "仅系统管理员可开放填报" });
      return svc.openWindow(ctx.db, ctx.actor, input);
    }),

  closeWindow: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(svc.WindowDto)
    .mutation(async ({ ctx, input }) => {
      if (ctx.user.role !== "admin") throw new ForbiddenError({ reason: "仅系统管理员可关闭填报" });
      return svc.closeWindow(ctx.db, ctx.actor, input);
    }),

  explanations: protectedProcedure
    .input(PlanYear)
    .output(z.array(svc.ExplanationDto))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      return svc.listExplanations(ctx.db, input);
    }),

  /** 原因 / 整改措施 / 责任单位 for lagging or breached indicators (own level, editable year). */
  saveExplanations: protectedProcedure
    .input(
      PlanYear.extend({
        rows: z
          .array(
            z.object({
              indicatorId: z.uuid(),
              cause: z.string().trim().max(2000),
              measure: z.string().trim().max(2000).nullable(),
              responsibleUnit: z.string().trim().max(200).nullable(),
              version: z.number().int().positive().nullable(),
            }),
          )
          .max(500),
      }),
    )
    .output(z.array(svc.ExplanationDto))
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("enterData", { planId: input.planId });
      return svc.saveExplanations(ctx.db, await ctx.directory(), ctx.actor, ctx.user, code, input);
    }),

  assessments: protectedProcedure
    .input(PlanYear)
    .output(z.array(svc.AssessmentDto))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      return svc.listAssessments(ctx.db, input);
    }),

  /** A person's judgement beside a figure (基本符合预期 + reason); grade null removes it. */
  assess: protectedProcedure
    .input(
      z.object({
        indicatorId: z.uuid(),
        year: Year,
        subject: z.string().trim().min(1).max(50).nullable(),
        grade: AssessmentGrade.nullable(),
        reason: z.string().trim().max(1000).nullable(),
        version: z.number().int().positive().nullable(),
      }),
    )
    .output(svc.AssessmentDto.nullable())
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("enterData", { indicatorId: input.indicatorId });
      return svc.saveAssessment(ctx.db, await ctx.directory(), ctx.actor, ctx.user, code, input);
    }),
});
