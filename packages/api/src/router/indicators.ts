import { Limits } from "@ybplan/domain/common";
import { IndicatorAttribute } from "@ybplan/domain/indicator";
import { parseTargetCell } from "@ybplan/domain/target";
import { z } from "zod";
import { versioned } from "../services/common.ts";
import { IndicatorDto } from "../services/dto.ts";
import * as svc from "../services/indicators.ts";
import * as revisions from "../services/target-revisions.ts";
import { protectedProcedure, router } from "../trpc.ts";

export const indicatorsRouter = router({
  list: protectedProcedure
    .input(
      z.object({
        planId: z.uuid(),
        category: z.string().max(Limits.name).optional(),
        attribute: IndicatorAttribute.optional(),
      }),
    )
    .output(z.array(IndicatorDto))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      return svc.listIndicators(ctx.db, input);
    }),

  get: protectedProcedure
    .input(z.object({ id: z.uuid() }))
    .output(IndicatorDto)
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { indicatorId: input.id });
      return svc.getIndicator(ctx.db, input.id);
    }),

  create: protectedProcedure
    .input(svc.IndicatorFields.extend({ planId: z.uuid(), position: z.number().int().positive().optional() }))
    .output(IndicatorDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { planId: input.planId });
      return svc.createIndicator(ctx.db, ctx.actor, code, input);
    }),

  update: protectedProcedure
    .input(versioned(svc.IndicatorFields.extend({ position: z.number().int().positive() }).partial()))
    .output(IndicatorDto)
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { indicatorId: input.id });
      return svc.updateIndicator(ctx.db, ctx.actor, code, input);
    }),

  delete: protectedProcedure
    .input(z.object({ id: z.uuid(), version: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { indicatorId: input.id });
      return svc.deleteIndicator(ctx.db, ctx.actor, code, input);
    }),

  /** 中期调整 of an indicator, oldest first. */
  revisions: protectedProcedure.input(z.object({ indicatorId: z.uuid() })).query(async ({ ctx, input }) => {
    await ctx.authorize("read", { indicatorId: input.indicatorId });
    return revisions.listRevisions(ctx.db, input.indicatorId);
  }),

  /** Records a revised target from `effectiveYear` on (reason and basis required); history stays. */
  reviseTarget: protectedProcedure
    .input(
      z.object({
        indicatorId: z.uuid(),
        effectiveYear: z.number().int().min(1990).max(2100),
        targetText: z.string().trim().min(1, "请输入调整后的目标").max(200),
        reason: z.string().trim().min(1, "请填写调整原因").max(1000),
        basis: z.string().trim().min(1, "请填写调整依据").max(300),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { indicatorId: input.indicatorId });
      return revisions.reviseTarget(ctx.db, ctx.actor, code, input);
    }),

  /** How a target (or baseline) text is understood — the live preview while editing. */
  previewTarget: protectedProcedure
    .input(z.object({ text: z.string().max(200) }))
    .query(({ input }) => parseTargetCell(input.text)),
});
