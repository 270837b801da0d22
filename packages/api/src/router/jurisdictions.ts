import { NotFoundError, jurisdictions as table } from "@ybplan/db";
import { Limits } from "@ybplan/domain/common";
import { AdminCode, Jurisdiction, JurisdictionLevel } from "@ybplan/domain/jurisdiction";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { readableCodes } from "../auth/access.ts";
import { PageInput, pageOf } from "../services/common.ts";
import * as svc from "../services/jurisdictions.ts";
import { adminProcedure, protectedProcedure, router } from "../trpc.ts";

export const jurisdictionsRouter = router({
  /** The tree the user may see (own subtree plus ancestors; everything for administrators). */
  tree: protectedProcedure
    .input(z.object({ root: AdminCode.optional() }).optional())
    .output(z.array(svc.JurisdictionNode))
    .query(async ({ ctx, input }) => {
      const dir = await ctx.directory();
      if (input?.root) await ctx.authorize("read", { jurisdictionCode: input.root });
      return svc.jurisdictionTree(dir, readableCodes(ctx.user, dir), input?.root ?? null);
    }),

  list: protectedProcedure
    .input(
      PageInput.extend({
        q: z.string().trim().max(Limits.shortText).optional(),
        parentCode: AdminCode.optional(),
        level: JurisdictionLevel.optional(),
      }),
    )
    .output(pageOf(Jurisdiction))
    .query(async ({ ctx, input }) => {
      const dir = await ctx.directory();
      return svc.listJurisdictions(dir, readableCodes(ctx.user, dir), input);
    }),

  get: protectedProcedure
    .input(z.object({ code: AdminCode }))
    .output(svc.JurisdictionDto.extend({ ancestors: z.array(Jurisdiction), children: z.array(Jurisdiction) }))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.code });
      const [row] = await ctx.db.select().from(table).where(eq(table.code, input.code));
      if (!row) throw new NotFoundError({ entity: "jurisdiction", entityId: input.code });
      const dir = await ctx.directory();
      return {
        code: row.code,
        name: row.name,
        level: row.level,
        parentCode: row.parentCode,
        retiredAt: row.retiredAt?.toISOString() ?? null,
        version: row.version,
        ancestors: dir.ancestors(row.code).map((c) => dir.byCode.get(c)!),
        children: dir.childrenOf(row.code).map((c) => dir.byCode.get(c)!),
      };
    }),

  create: adminProcedure
    .input(Jurisdiction)
    .output(Jurisdiction)
    .mutation(({ ctx, input }) => svc.createJurisdiction(ctx.database, ctx.actor, input)),

  update: adminProcedure
    .input(
      z.object({
        code: AdminCode,
        version: z.number().int().positive(),
        data: z.object({ name: z.string().trim().min(1).max(Limits.name).optional() }),
      }),
    )
    .output(svc.JurisdictionDto)
    .mutation(({ ctx, input }) => svc.updateJurisdiction(ctx.database, ctx.actor, input)),

  /** Children of a place (null or 100000 = 全国) with their state, retired ones included. */
  children: adminProcedure
    .input(z.object({ parentCode: AdminCode.nullable() }))
    .output(z.array(svc.JurisdictionDto))
    .query(({ ctx, input }) => svc.listChildren(ctx.db, input.parentCode)),

  /** Moves a place under another parent (null or 100000 = 全国); its code stays. */
  move: adminProcedure
    .input(
      z.object({ code: AdminCode, version: z.number().int().positive(), parentCode: AdminCode.nullable() }),
    )
    .output(svc.JurisdictionDto)
    .mutation(({ ctx, input }) => svc.moveJurisdiction(ctx.database, ctx.actor, input)),

  /** Retires (撤销) a place, or restores a retired one; its plans and records stay. */
  retire: adminProcedure
    .input(z.object({ code: AdminCode, version: z.number().int().positive(), retired: z.boolean() }))
    .output(svc.JurisdictionDto)
    .mutation(({ ctx, input }) => svc.retireJurisdiction(ctx.database, ctx.actor, input)),
});
