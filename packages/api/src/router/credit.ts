import { IsoDate, Limits, Year } from "@ybplan/domain/common";
import { DishonestEvent, InstitutionKind, Responsibility } from "@ybplan/domain/credit";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import { Result } from "effect";
import { z } from "zod";
import { readableCodes } from "../auth/access.ts";
import type { SessionUser } from "../auth/session.ts";
import type { Context } from "../context.ts";
import { ForbiddenError, InvalidRowsError } from "../errors.ts";
import { withLimits } from "../services/common.ts";
import * as svc from "../services/credit.ts";
import { readProcurementFile } from "../services/procurement-file.ts";
import { adminProcedure, protectedProcedure, router } from "../trpc.ts";

/**
 * Credit (信用评价): company dishonest-conduct events and their quarterly ratings with reasons
 * (医药价格和招采信用评价), designated-institution deductions and yearly grades, staff 12-point
 * scorings. Records are scoped by the rated province / the institution's jurisdiction
 * (`enterData` to write, `read` to list; lists without a province show only readable provinces;
 * grades cover a subtree, so not an ancestor's); recomputing all ratings or grades needs an
 * administrator.
 */

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const QuarterInput = z.object({ year: Year, quarter: z.number().int().min(1).max(4) });

/** A dishonest event as the domain has it (the server assigns the id), with the boundary's sizes. */
const CompanyEventInput = withLimits(DishonestEvent.omit({ id: true }), {
  companyId: 100,
  companyName: 200,
  category: Limits.name,
  caseRef: 200,
  assessedLevel: Limits.code,
  note: 500,
}).extend({
  circumstances: z.array(z.string().max(Limits.shortText)).max(100).default([]),
});

/**
 * Grades and distributions cover the jurisdiction's whole subtree: an ancestor's subtree holds
 * unrelated siblings, so (as for evaluation.subtree) a scoped user reads only their own subtree.
 */
async function authorizeSubtree(ctx: Context & { user: SessionUser }, jurisdictionCode: string) {
  await ctx.authorize("read", { jurisdictionCode });
  const root = ctx.user.role === "admin" ? null : ctx.user.jurisdictionCode;
  if (root && (await ctx.directory()).relation(root, jurisdictionCode) === "ancestor") {
    throw new ForbiddenError({ reason: "无权查看上级行政区划的下辖信用评价" });
  }
}

/**
 * Nested by section, as the service is split: `credit.companies.*` (events, repairs, ratings,
 * roll-ups), `credit.importCompanyEvents` (an upload: the server's size guard names its path),
 * `credit.institutions.*` (rule sets, deductions, flags, grades), `credit.staff.*` (scorings).
 */
export const creditRouter = router({
  companies: router({
    events: protectedProcedure
      .input(
        z.object({
          companyId: z.string().max(Limits.code).optional(),
          province: AdminCode.optional(),
          limit: z.number().int().min(1).max(1000).default(200),
        }),
      )
      .query(async ({ ctx, input }) => {
        if (input.province) await ctx.authorize("read", { jurisdictionCode: input.province });
        // Without a province, only the provinces the user may read (a 黄石市 user never sees 南阳市's).
        const readable = input.province ? null : readableCodes(ctx.user, await ctx.directory());
        return svc.listCompanyEvents(ctx.db, { ...input, provinces: readable });
      }),

    createEvent: protectedProcedure.input(CompanyEventInput).mutation(async ({ ctx, input }) => {
      await ctx.authorize("enterData", { jurisdictionCode: input.province });
      return svc.createCompanyEvent(ctx.db, ctx.actor, input);
    }),

    deleteEvent: protectedProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
      await ctx.authorize("enterData", {
        jurisdictionCode: await svc.companyEventProvince(ctx.db, input.id),
      });
      await svc.deleteCompanyEvent(ctx.db, ctx.actor, input.id);
      return { ok: true as const };
    }),

    createRepair: protectedProcedure
      .input(
        z.object({
          companyId: z.string().trim().min(1).max(Limits.code),
          province: AdminCode,
          caseRef: z.string().trim().min(1).max(Limits.name).nullable(),
          date: IsoDate,
          measuresCompleted: z.array(z.number().int().min(1).max(20)).nullable().default(null),
          note: z.string().trim().max(500).nullable().default(null),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        await ctx.authorize("enterData", { jurisdictionCode: input.province });
        return svc.createRepair(ctx.db, ctx.actor, input);
      }),

    /** Recomputes and stores one quarter's ratings for every company and province. */
    recomputeRatings: adminProcedure
      .input(QuarterInput)
      .mutation(({ ctx, input }) => svc.recomputeQuarter(ctx.db, ctx.actor, input)),

    ratings: protectedProcedure
      .input(
        QuarterInput.extend({
          province: AdminCode.optional(),
          minSeverity: z.number().int().min(0).max(4).default(1),
        }),
      )
      .query(async ({ ctx, input }) => {
        if (input.province) await ctx.authorize("read", { jurisdictionCode: input.province });
        else if (ctx.user.role !== "admin" && ctx.user.jurisdictionCode !== null) {
          throw new ForbiddenError({ reason: "请选择本辖区省份查看评级" });
        }
        return svc.quarterRatings(ctx.db, input, input);
      }),

    /** A company's stored ratings in every quarter and province, newest first, with reasons. */
    history: protectedProcedure
      .input(z.object({ companyId: z.string().min(1).max(Limits.code) }))
      .query(async ({ ctx, input }) => {
        const readable = readableCodes(ctx.user, await ctx.directory());
        const rows = await svc.companyHistory(ctx.db, input.companyId);
        return readable ? rows.filter((r) => readable.has(r.provinceCode)) : rows;
      }),

    rollup: protectedProcedure
      .input(QuarterInput)
      .query(({ ctx, input }) => svc.quarterRollup(ctx.db, input)),
  }),

  /** CSV/XLSX of events; row problems answer BAD_REQUEST with `error.data.rows`, nothing is saved. */
  importCompanyEvents: protectedProcedure
    .input(
      z.object({
        fileName: z.string().trim().min(1).max(200),
        contentBase64: z.base64().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4, "文件不能超过5MB"),
      }),
    )
    .mutation(async ({ ctx, input }): Promise<svc.CompanyImportOutcome> => {
      const bytes = Uint8Array.from(Buffer.from(input.contentBase64, "base64"));
      const table = await readProcurementFile(input.fileName, bytes);
      if (Result.isFailure(table)) throw new InvalidRowsError({ issues: table.failure.issues });
      return svc.importCompanyEventTable(ctx.db, ctx.actor, table.success, async (province) => {
        await ctx.authorize("enterData", { jurisdictionCode: province });
      });
    }),

  institutions: router({
    ruleSets: protectedProcedure.query(({ ctx }) => svc.ruleSetSummaries(ctx.db)),

    /**
     * Adds or replaces a rule-set version given as DATA (the domain's RuleSet shape: scale, base,
     * items, ordered bands, overrides, measures, sources); validated by the domain before storing.
     */
    saveRuleSet: adminProcedure
      .input(z.object({ ruleSet: z.record(z.string(), z.unknown()) }))
      .mutation(async ({ ctx, input }) => {
        const rs = await svc.storeRuleSet(ctx.db, ctx.actor, input.ruleSet);
        return { id: rs.id, version: rs.version };
      }),

    upsert: protectedProcedure
      .input(
        z.object({
          code: z.string().trim().min(1).max(50),
          name: z.string().trim().min(1).max(200),
          kind: InstitutionKind,
          jurisdictionCode: AdminCode,
          designatedSince: IsoDate,
        }),
      )
      .mutation(async ({ ctx, input }) => {
        await ctx.authorize("enterData", { jurisdictionCode: input.jurisdictionCode });
        // Updating an existing institution (possibly moving it) also needs the right where it is now.
        const current = await svc.findInstitutionJurisdiction(ctx.db, input.code);
        if (current !== null) await ctx.authorize("enterData", { jurisdictionCode: current });
        return svc.upsertInstitution(ctx.db, ctx.actor, input);
      }),

    createDeduction: protectedProcedure
      .input(
        z.object({
          institutionCode: z.string().min(1).max(Limits.code),
          itemCode: z.string().min(1).max(Limits.code),
          points: z.number().positive().nullable().default(null),
          date: IsoDate,
          note: z.string().trim().max(500).nullable().default(null),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        await ctx.authorize("enterData", {
          jurisdictionCode: await svc.institutionJurisdiction(ctx.db, input.institutionCode),
        });
        return svc.createDeduction(ctx.db, ctx.actor, input);
      }),

    setFlag: protectedProcedure
      .input(
        z.object({
          institutionCode: z.string().min(1).max(Limits.code),
          year: Year,
          flag: z.string().min(1).max(Limits.code),
          on: z.boolean(),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        await ctx.authorize("enterData", {
          jurisdictionCode: await svc.institutionJurisdiction(ctx.db, input.institutionCode),
        });
        await svc.setInstitutionFlag(ctx.db, ctx.actor, input);
        return { ok: true as const };
      }),

    /** Re-grades every institution of the year in the database under the rule sets in force. */
    regrade: adminProcedure
      .input(z.object({ year: Year }))
      .mutation(({ ctx, input }) => svc.regradeYear(ctx.db, ctx.actor, input.year)),

    grades: protectedProcedure
      .input(
        z.object({
          year: Year,
          jurisdictionCode: AdminCode,
          grade: z.string().max(Limits.code).optional(),
          limit: z.number().int().min(1).max(500).default(100),
          offset: z.number().int().min(0).default(0),
        }),
      )
      .query(async ({ ctx, input }) => {
        await authorizeSubtree(ctx, input.jurisdictionCode);
        return svc.institutionGrades(ctx.db, input);
      }),

    gradeDistribution: protectedProcedure
      .input(z.object({ year: Year, jurisdictionCode: AdminCode }))
      .query(async ({ ctx, input }) => {
        await authorizeSubtree(ctx, input.jurisdictionCode);
        return svc.gradeDistributionOf(ctx.db, input.year, input.jurisdictionCode);
      }),
  }),

  staff: router({
    createScoring: protectedProcedure
      .input(
        z.object({
          personId: z.string().trim().min(1).max(100),
          personName: z.string().trim().min(1).max(100),
          institutionId: z.string().trim().min(1).max(Limits.code),
          points: z.number().int().min(1).max(12),
          date: IsoDate,
          act: z.string().trim().min(1).max(500),
          responsibility: Responsibility.optional(),
          suspensionMonths: z.number().int().positive().nullable().default(null),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        await ctx.authorize("enterData", {
          jurisdictionCode: await svc.institutionJurisdiction(ctx.db, input.institutionId),
        });
        return svc.createScoring(ctx.db, ctx.actor, input);
      }),

    standings: protectedProcedure
      .input(z.object({ asOf: IsoDate, personId: z.string().max(Limits.code).optional() }))
      .query(({ ctx, input }) => {
        const scope =
          ctx.user.role === "admin" || ctx.user.jurisdictionCode === null
            ? undefined
            : ctx.user.jurisdictionCode;
        return svc.staffStandingsAsOf(ctx.db, input.asOf, input.personId, scope);
      }),
  }),
});
