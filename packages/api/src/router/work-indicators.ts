import { Year } from "@ybplan/domain/common";
import { IndicatorAttribute, IndicatorDirection } from "@ybplan/domain/indicator";
import { z } from "zod";
import * as svc from "../services/work-indicators.ts";
import { protectedProcedure, router } from "../trpc.ts";

const TargetText = z.string().trim().min(1).max(200);

/**
 * Work indicators of key tasks and 专栏 items with staged yearly targets: proposed from the
 * plan's text by the importer, confirmed by a planner (audited), listed with their stages.
 */
export const workIndicatorsRouter = router({
  /** Proposals from the plan's stored tasks and items (青阳 专栏2 (1), 黄石 专栏10 (3)); nothing stored. */
  propose: protectedProcedure.input(z.object({ planId: z.uuid() })).query(async ({ ctx, input }) => {
    await ctx.authorize("read", { planId: input.planId });
    return svc.proposeForPlan(ctx.db, input.planId);
  }),

  list: protectedProcedure.input(z.object({ planId: z.uuid() })).query(async ({ ctx, input }) => {
    await ctx.authorize("read", { planId: input.planId });
    return svc.listWorkIndicators(ctx.db, input.planId);
  }),

  /** Stores a (possibly corrected) proposal: the indicator under its task or item, and its stages. */
  confirm: protectedProcedure
    .input(
      z.object({
        planId: z.uuid(),
        owner: z.object({ kind: z.enum(["task", "projectItem"]), id: z.uuid() }),
        name: z.string().trim().min(1, "请输入指标名称").max(100),
        unit: z.string().trim().max(20).nullable().default(null),
        attribute: IndicatorAttribute.default("expected"),
        direction: IndicatorDirection.nullable().default(null),
        baselineText: z.string().trim().max(200).default(""),
        targetText: TargetText.nullable().default(null),
        stages: z
          .array(z.object({ year: Year, targetText: TargetText }))
          .max(10)
          .default([]),
        source: z.string().trim().max(500).nullable().default(null),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { planId: input.planId });
      return svc.confirmWorkIndicator(ctx.db, ctx.actor, code, input);
    }),
});
