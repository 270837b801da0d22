import { Year } from "@ybplan/domain/common";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import { BatchLevel, Implementation, ProcurementCategory } from "@ybplan/domain/procurement";
import { Result } from "effect";
import { z } from "zod";
import { ForbiddenError, InvalidRowsError } from "../errors.ts";
import { withLimits } from "../services/common.ts";
import * as svc from "../services/procurement.ts";
import { readProcurementFile } from "../services/procurement-file.ts";
import { adminProcedure, protectedProcedure, router } from "../trpc.ts";

/**
 * Volume-based procurement (集中带量采购): batches and their varieties (shared reference data, read
 * by every signed-in user), implementation records per jurisdiction (scoped), the de-duplicated
 * cumulative count with its derivation, indicator bindings and derived values.
 * Writing a national batch needs an administrator; a provincial or alliance batch needs
 * `editPlan` in its (first) province; an implementation needs `enterData` in its jurisdiction.
 */

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The domain's implementation record fields (batch and jurisdiction are the route's), bounded. */
const ImplementationFields = withLimits(
  Implementation.pick({
    startDate: true,
    agreedVolume: true,
    completionRatePct: true,
    savingsWanYuan: true,
    note: true,
  }),
  { note: 500 },
);

/**
 * Nested by section, as the service is split: `procurement.batches.list|get|loadReference`,
 * `procurement.import`, `procurement.implementations.list|create|update|delete`,
 * `procurement.counts.series|derived|reportSection`, `procurement.bindings.list|set`.
 */
export const procurementRouter = router({
  batches: router({
    list: protectedProcedure
      .input(z.object({ category: ProcurementCategory.optional(), level: BatchLevel.optional() }).optional())
      .query(({ ctx, input }) => svc.listBatches(ctx.db, input ?? {})),

    get: protectedProcedure
      .input(z.object({ id: z.uuid() }))
      .query(({ ctx, input }) => svc.getBatch(ctx.db, input.id)),

    /** Adds the shipped national batches (drugs 1–11, consumables 1–6) that are missing. */
    loadReference: adminProcedure.mutation(async ({ ctx }) => ({
      inserted: await svc.seedReferenceBatches(ctx.db, ctx.actor),
    })),
  }),

  /**
   * CSV/XLSX import of batches, varieties or implementation records. Row problems answer
   * BAD_REQUEST with `error.data.rows` (line, column, Chinese message) and nothing is saved.
   */
  import: protectedProcedure
    .input(
      z.object({
        kind: z.enum(["batches", "varieties", "implementations"]),
        fileName: z.string().trim().min(1).max(200),
        contentBase64: z.base64().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4, "文件不能超过5MB"),
      }),
    )
    .mutation(async ({ ctx, input }): Promise<svc.ImportOutcome> => {
      const bytes = Uint8Array.from(Buffer.from(input.contentBase64, "base64"));
      const table = await readProcurementFile(input.fileName, bytes);
      if (Result.isFailure(table)) throw new InvalidRowsError({ issues: table.failure.issues });
      return svc.importProcurementTable(ctx.db, ctx.actor, input.kind, table.success, async (need) => {
        if (need.kind === "implementation") {
          await ctx.authorize("enterData", { jurisdictionCode: need.jurisdictionCode });
          return;
        }
        const organiser = need.regionCodes[0];
        if (need.level === "national" || organiser === undefined) {
          if (ctx.user.role !== "admin")
            throw new ForbiddenError({ reason: "国家组织批次仅系统管理员可导入" });
          return;
        }
        await ctx.authorize("editPlan", { jurisdictionCode: organiser });
      });
    }),

  implementations: router({
    /** Records of the jurisdiction, and of its ancestors (marked inherited), which apply to it. */
    list: protectedProcedure
      .input(z.object({ jurisdictionCode: AdminCode }))
      .query(async ({ ctx, input }) => {
        await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
        const dir = await ctx.directory();
        return svc.listImplementations(ctx.db, {
          own: input.jurisdictionCode,
          ancestors: dir.ancestors(input.jurisdictionCode),
        });
      }),

    create: protectedProcedure
      .input(ImplementationFields.extend({ batchId: z.uuid(), jurisdictionCode: AdminCode }))
      .mutation(async ({ ctx, input }) => {
        await ctx.authorize("enterData", { jurisdictionCode: input.jurisdictionCode });
        return svc.createImplementation(ctx.db, ctx.actor, input);
      }),

    update: protectedProcedure
      .input(
        z.object({
          id: z.uuid(),
          version: z.number().int().positive(),
          data: ImplementationFields.partial(),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        const code = await svc.implementationJurisdiction(ctx.db, input.id);
        await ctx.authorize("enterData", { jurisdictionCode: code });
        return svc.updateImplementation(ctx.db, ctx.actor, code, input);
      }),

    delete: protectedProcedure
      .input(z.object({ id: z.uuid(), version: z.number().int().positive() }))
      .mutation(async ({ ctx, input }) => {
        const code = await svc.implementationJurisdiction(ctx.db, input.id);
        await ctx.authorize("enterData", { jurisdictionCode: code });
        await svc.deleteImplementation(ctx.db, ctx.actor, code, input);
        return { ok: true as const };
      }),
  }),

  counts: router({
    /** Distinct varieties at the end of each year, the last year's derivation, and the plan targets. */
    series: protectedProcedure
      .input(
        z
          .object({
            jurisdictionCode: AdminCode,
            category: ProcurementCategory,
            fromYear: Year,
            toYear: Year,
          })
          .refine((i) => i.fromYear <= i.toYear && i.toYear - i.fromYear <= 30, {
            message: "年份范围无效",
            path: ["toYear"],
          }),
      )
      .query(async ({ ctx, input }) => {
        await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
        return svc.countSeries(ctx.db, input);
      }),

    /** Derived values of the plan's bound indicators, with the manual-value checks. */
    derived: protectedProcedure
      .input(z.object({ planId: z.uuid(), years: z.array(Year).min(1).max(30) }))
      .query(async ({ ctx, input }) => {
        await ctx.authorize("read", { planId: input.planId });
        return (await svc.derivedForPlan(ctx.db, input.planId, input.years)).values;
      }),

    /** The yearly report's procurement section for a plan (null when it has nothing to say). */
    reportSection: protectedProcedure
      .input(z.object({ planId: z.uuid(), year: Year }))
      .query(async ({ ctx, input }) => {
        await ctx.authorize("read", { planId: input.planId });
        return svc.procurementSectionForPlan(ctx.db, input.planId, input.year);
      }),
  }),

  bindings: router({
    /** The plan's indicators with their binding (or the binding their name suggests). */
    list: protectedProcedure.input(z.object({ planId: z.uuid() })).query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      return svc.listBindings(ctx.db, input.planId);
    }),

    /** Binds an indicator to a procurement count (category), or unbinds it (null). */
    set: protectedProcedure
      .input(z.object({ indicatorId: z.uuid(), category: ProcurementCategory.nullable() }))
      .mutation(async ({ ctx, input }) => {
        const code = await ctx.authorize("editPlan", { indicatorId: input.indicatorId });
        await svc.setBinding(ctx.db, ctx.actor, code, input);
        return { ok: true as const };
      }),
  }),
});
