import { IsoDate, Year } from "@ybplan/domain/common";
import { WorkIndicatorRow } from "@ybplan/domain/report";
import { OutlineKind } from "@ybplan/domain/task";
import type { ReportFormat } from "@ybplan/reports";
import { z } from "zod";
import { readableCodes } from "../auth/access.ts";
import * as svc from "../services/reports.ts";
import { protectedProcedure, router } from "../trpc.ts";

// The formats by name: importing @ybplan/reports here would load every renderer with the router.
const reportFormats = ["docx", "xlsx", "html", "md"] as const satisfies readonly ReportFormat[];

export const reportsRouter = router({
  /**
   * The report model of a plan (what `generate` renders): verdicts breaches first, narrative,
   * sections and the readable plans below. The CLI's `evaluate` and `report` read it in process.
   */
  model: protectedProcedure
    .input(z.object({ planId: z.uuid(), year: Year, kind: z.enum(["annual", "midTerm"]) }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      const dir = await ctx.directory();
      return svc.planReport(ctx.db, dir, input, readableCodes(ctx.user, dir));
    }),

  /**
   * The report's 工作指标完成情况 rows alone (the same rows as `model(…).workIndicators`, built by
   * the same function), from the plan's bundle and outline: the CLI's `evaluate` reads these
   * instead of the whole report model. A year outside the plan period is refused as `model` does.
   */
  workIndicators: protectedProcedure
    .input(z.object({ planId: z.uuid(), year: Year }))
    .output(z.array(WorkIndicatorRow))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      return svc.planWorkIndicators(ctx.db, input);
    }),

  /**
   * A plan's 年度监测报告 or 中期评估 as a file (base64), for anyone who may view the plan. The
   * table of plans below lists only the jurisdictions the caller may read.
   */
  generate: protectedProcedure
    .input(
      z.object({
        planId: z.uuid(),
        year: Year,
        kind: z.enum(["annual", "midTerm"]),
        format: z.enum(reportFormats),
        /** 成文日期; default today. */
        issuedOn: IsoDate.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      const dir = await ctx.directory();
      return svc.generateReport(ctx.db, dir, input, readableCodes(ctx.user, dir));
    }),

  /**
   * A planner corrects what an outline node is (背景 / 原则 / 目标 / 重点任务 / 保障措施): reports
   * count key tasks only, and a re-import keeps the correction.
   */
  setOutlineKind: protectedProcedure
    .input(z.object({ taskId: z.uuid(), kind: OutlineKind, version: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("editPlan", { taskId: input.taskId });
      return svc.setOutlineKind(ctx.db, ctx.actor, code, input);
    }),
});
