import { Limits, Year } from "@ybplan/domain/common";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import { PlanStatus } from "@ybplan/domain/plan";
import { z } from "zod";
import { readableCodes } from "../auth/access.ts";
import { PageInput, pageOf, versioned } from "../services/common.ts";
import { PlanDto } from "../services/dto.ts";
import * as removal from "../services/plan-removal.ts";
import * as svc from "../services/plans.ts";
import { protectedProcedure, router } from "../trpc.ts";

export const plansRouter = router({
  /** Plans the user may read; `jurisdictionCode` + `includeDescendants` narrow to a subtree. */
  list: protectedProcedure
    .input(
      PageInput.extend({
        jurisdictionCode: AdminCode.optional(),
        includeDescendants: z.boolean().default(false),
        status: PlanStatus.optional(),
        q: z.string().trim().max(Limits.shortText).optional(),
        year: Year.optional(),
      }),
    )
    .output(pageOf(PlanDto.extend({ indicatorCount: z.number().int() })))
    .query(async ({ ctx, input }) => {
      const dir = await ctx.directory();
      const readable = readableCodes(ctx.user, dir);
      let codes: string[] | null = readable ? [...readable] : null;
      if (input.jurisdictionCode) {
        await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
        const wanted = input.includeDescendants
          ? dir.subtree(input.jurisdictionCode)
          : [input.jurisdictionCode];
        codes = readable ? wanted.filter((c) => readable.has(c)) : wanted;
      }
      return svc.listPlans(ctx.db, { ...input, codes });
    }),

  get: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(
      PlanDto.extend({
        counts: z.record(
          z.enum(["indicators", "workIndicators", "tasks", "projects", "observations"]),
          z.number(),
        ),
      }),
    )
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.id });
      return svc.getPlan(ctx.db, input.id);
    }),

  create: protectedProcedure
    .input(svc.PlanFields.extend({ jurisdictionCode: AdminCode }))
    .output(PlanDto)
    .mutation(async ({ ctx, input }) => {
      await ctx.authorize("editPlan", { jurisdictionCode: input.jurisdictionCode });
      return svc.createPlan(ctx.db, ctx.actor, input);
    }),

  update: protectedProcedure
    .input(versioned(svc.PlanFields.partial()))
    .output(PlanDto)
    .mutation(async ({ ctx, input }) => {
      await ctx.authorize("editPlan", { planId: input.id });
      return svc.updatePlan(ctx.db, ctx.actor, input);
    }),

  /** Archives the plan (its data stays); `hard: true` (administrators only) deletes it with its data. */
  /** Marks one import warning (by line, message and text) resolved or open again. */
  resolveWarning: protectedProcedure
    .input(
      z.object({
        id: z.uuid(),
        version: z.number().int().positive(),
        line: z.number().int().nonnegative(),
        message: z.string().max(Limits.note),
        text: z.string().max(Limits.longText),
        resolved: z.boolean(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.authorize("editPlan", { planId: input.id });
      return svc.resolveWarning(ctx.db, ctx.actor, input);
    }),

  delete: protectedProcedure
    .input(z.object({ id: z.uuid(), version: z.number().int().positive(), hard: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.authorize("editPlan", { planId: input.id });
      return removal.removePlan(ctx.db, ctx.actor, ctx.user.role, input);
    }),

  /** What deleting the plan for good would remove (counts shown before an administrator confirms). */
  removalImpact: protectedProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    await ctx.authorize("editPlan", { planId: input.id });
    return removal.planRemovalImpact(ctx.db, input.id);
  }),
});
