import { IsoDate, isoDateInChina, Year } from "@ybplan/domain/common";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import {
  InstitutionLevel,
  ParameterKind,
  PolicyDocumentFields,
  PolicyDocumentPatch,
  PoolingLevel,
  Population,
  Scheme,
  Service,
  StatisticName,
} from "@ybplan/domain/policy";
import { z } from "zod";
import { readableCodes } from "../auth/access.ts";
import { PageInput } from "../services/common.ts";
import * as svc from "../services/policies.ts";
import { protectedProcedure, router } from "../trpc.ts";

/**
 * Policies (政策): the register of documents and their parameters, what is in force on a date,
 * a parameter's history, changes between dates, and findings (rules, pooling areas).
 * Authorisation: a jurisdiction reads its own documents and its ancestors' (its pooling areas');
 * writes need `editPlan` in the document's jurisdiction, and a pooled scheme's parameters only
 * from the pooling area's level or above.
 */

const today = () => isoDateInChina(new Date());

const Dimensions = z.object({
  kind: ParameterKind,
  scheme: Scheme,
  service: Service.default("any"),
  level: InstitutionLevel.default("any"),
  population: Population.default("all"),
});

export const policiesRouter = router({
  list: protectedProcedure
    .input(PageInput.extend({ jurisdictionCode: AdminCode, search: z.string().trim().max(100).optional() }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
      return svc.listDocuments(ctx.db, await ctx.directory(), input, today());
    }),

  get: protectedProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    await ctx.authorize("read", { jurisdictionCode: await svc.documentJurisdiction(ctx.db, input.id) });
    return svc.getDocument(ctx.db, input.id);
  }),

  create: protectedProcedure.input(PolicyDocumentFields).mutation(async ({ ctx, input }) => {
    await ctx.authorize("editPlan", { jurisdictionCode: input.jurisdictionCode });
    const dir = await ctx.directory();
    await svc.assertMayWritePooledSchemes(
      ctx.db,
      dir,
      ctx.user,
      input.jurisdictionCode,
      input.parameters.map((p) => p.scheme),
    );
    return svc.createDocument(ctx.db, ctx.actor, input, svc.chainOf(dir, input.jurisdictionCode));
  }),

  /** Saves the fields sent (others keep their stored values) over the version the client read. */
  update: protectedProcedure
    .input(z.object({ id: z.uuid(), version: z.number().int().positive(), data: PolicyDocumentPatch }))
    .mutation(async ({ ctx, input }) => {
      const code = await svc.documentJurisdiction(ctx.db, input.id);
      await ctx.authorize("editPlan", { jurisdictionCode: code });
      const dir = await ctx.directory();
      const schemes = [
        ...(input.data.parameters ?? []).map((p) => p.scheme),
        ...(await svc.schemesOf(ctx.db, input.id)),
      ];
      await svc.assertMayWritePooledSchemes(ctx.db, dir, ctx.user, code, schemes);
      return svc.updateDocument(
        ctx.db,
        ctx.actor,
        input.id,
        input.version,
        input.data,
        svc.chainOf(dir, code),
      );
    }),

  /** 废止 on a date (required). */
  repeal: protectedProcedure
    .input(z.object({ id: z.uuid(), version: z.number().int().positive(), repealedOn: IsoDate }))
    .mutation(async ({ ctx, input }) => {
      const code = await svc.documentJurisdiction(ctx.db, input.id);
      await ctx.authorize("editPlan", { jurisdictionCode: code });
      await svc.assertMayWritePooledSchemes(
        ctx.db,
        await ctx.directory(),
        ctx.user,
        code,
        await svc.schemesOf(ctx.db, input.id),
      );
      return svc.repealDocument(ctx.db, ctx.actor, input.id, input.version, input.repealedOn);
    }),

  /** The parameters in force on a date (own documents, else inherited from the pooling area). */
  inForce: protectedProcedure
    .input(z.object({ jurisdictionCode: AdminCode, date: IsoDate }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
      return svc.inForce(ctx.db, await ctx.directory(), input.jurisdictionCode, input.date);
    }),

  /** The table in force on a date as an .xlsx file (base64). */
  exportInForce: protectedProcedure
    .input(z.object({ jurisdictionCode: AdminCode, date: IsoDate }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
      return svc.exportInForce(ctx.db, await ctx.directory(), input.jurisdictionCode, input.date);
    }),

  history: protectedProcedure
    .input(z.object({ jurisdictionCode: AdminCode, dimensions: Dimensions }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
      return svc.history(ctx.db, await ctx.directory(), input.jurisdictionCode, input.dimensions);
    }),

  /** What changed between two dates, each with its report sentence. */
  compare: protectedProcedure
    .input(z.object({ jurisdictionCode: AdminCode, from: IsoDate, to: IsoDate }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
      return svc.compare(ctx.db, await ctx.directory(), input.jurisdictionCode, input.from, input.to);
    }),

  /** Rule findings and pooling-area matrices on a date. */
  check: protectedProcedure
    .input(z.object({ jurisdictionCode: AdminCode, date: IsoDate }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
      const dir = await ctx.directory();
      const readable = readableCodes(ctx.user, dir);
      return svc.check(
        ctx.db,
        dir,
        input.jurisdictionCode,
        input.date,
        (c) => readable === null || readable.has(c),
      );
    }),

  /**
   * Parameters proposed from a plan's text (黄石's 2020 table, 青阳's 大病保险, 鹤山's caps) for a
   * person to confirm in a new document. Nothing is stored here.
   */
  propose: protectedProcedure
    .input(z.object({ text: z.string().max(2_000_000), defaultYear: Year.nullable().default(null) }))
    .mutation(async ({ input }) => {
      // Loaded on use: the importer brings the document readers (mammoth, jszip) every host
      // would otherwise load at start-up.
      const { proposePolicyParameters } = await import("@ybplan/importer");
      return proposePolicyParameters(input.text, { defaultYear: input.defaultYear });
    }),

  poolingAreas: protectedProcedure
    .input(z.object({ jurisdictionCode: AdminCode }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
      return svc.listPoolingAreas(ctx.db, await ctx.directory(), input.jurisdictionCode);
    }),

  /** Declares a jurisdiction a pooling area for a scheme (version null) or changes it. */
  setPoolingArea: protectedProcedure
    .input(
      z.object({
        jurisdictionCode: AdminCode,
        scheme: Scheme,
        level: PoolingLevel,
        since: IsoDate.nullable().default(null),
        version: z.number().int().positive().nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.authorize("editPlan", { jurisdictionCode: input.jurisdictionCode });
      return svc.setPoolingArea(ctx.db, ctx.actor, input);
    }),

  statistics: protectedProcedure
    .input(z.object({ jurisdictionCode: AdminCode }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
      return svc.listStatistics(ctx.db, input.jurisdictionCode);
    }),

  /** A statistic relative rules read (居民人均可支配收入, 职工年平均工资), in 元. */
  setStatistic: protectedProcedure
    .input(
      z.object({
        jurisdictionCode: AdminCode,
        statistic: StatisticName,
        year: Year,
        value: z.number().positive(),
        source: z.string().trim().max(200).nullable().default(null),
        version: z.number().int().positive().nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ctx.authorize("enterData", { jurisdictionCode: input.jurisdictionCode });
      return svc.setStatistic(ctx.db, ctx.actor, input);
    }),
});
