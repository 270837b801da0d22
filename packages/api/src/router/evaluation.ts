import { Year } from "@ybplan/domain/common";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import { z } from "zod";
import { ForbiddenError } from "../errors.ts";
import * as svc from "../services/evaluation.ts";
import { NationalSummary, nationalSummary } from "../services/national.ts";
import { protectedProcedure, router } from "../trpc.ts";

export const evaluationRouter = router({
  /** One plan: the selected year's verdicts (breaches first) and the indicators × years matrix. */
  matrix: protectedProcedure
    .input(z.object({ planId: z.uuid(), year: Year }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      return svc.planMatrix(ctx.database, input.planId, input.year);
    }),

  /** A jurisdiction and all its descendants: counts by verdict and breaches, per plan and in total. */
  subtree: protectedProcedure
    .input(z.object({ jurisdictionCode: AdminCode, year: Year }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
      const dir = await ctx.directory();
      // Ancestors are readable one plan at a time, but their subtree holds unrelated siblings.
      const root = ctx.user.role === "admin" ? null : ctx.user.jurisdictionCode;
      if (root && dir.relation(root, input.jurisdictionCode) === "ancestor") {
        throw new ForbiddenError({ reason: "无权查看上级行政区划的下辖汇总" });
      }
      return svc.subtreeSummary(ctx.database, dir, input.jurisdictionCode, input.year);
    }),

  /**
   * 全国: one line per province over its subtree (plans, verdicts, the cycle's completeness) and
   * the national total — for users of national scope (administrators, or no jurisdiction).
   */
  national: protectedProcedure
    .input(z.object({ year: Year }))
    .output(NationalSummary)
    .query(async ({ ctx, input }) => {
      // A scoped user reads their own subtree (evaluation.subtree), never the other provinces.
      if (ctx.user.role !== "admin" && ctx.user.jurisdictionCode !== null) {
        throw new ForbiddenError({ reason: "全国汇总仅限全国范围的用户查看" });
      }
      return nationalSummary(ctx.database, await ctx.directory(), input.year);
    }),
});
