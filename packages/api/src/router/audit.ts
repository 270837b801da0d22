import { auditLog } from "@ybplan/db";
import { Limits, Year } from "@ybplan/domain/common";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import { and, count, desc, eq, gte, ilike, inArray, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditOfIndicator, auditOfPlan, auditOfYear, describeAuditRows } from "../services/audit.ts";
import { likePattern, offsetOf, PageInput } from "../services/common.ts";
import { protectedProcedure, router } from "../trpc.ts";

/**
 * The audit log, newest first. Administrators see everything; other users see changes within
 * their own jurisdiction subtree (never ancestors' or others').
 */
export const auditRouter = router({
  list: protectedProcedure
    .input(
      PageInput.extend({
        entity: z.string().max(Limits.code).optional(),
        entityId: z.string().max(Limits.code).optional(),
        action: z.string().max(Limits.code).optional(),
        actor: z.string().trim().max(Limits.name).optional(),
        /** The plan and everything in it (indicators, figures, tasks, 专栏, notes). */
        planId: z.uuid().optional(),
        /** The indicator and its figures. */
        indicatorId: z.uuid().optional(),
        /** Figures and notes of this year. */
        year: Year.optional(),
        jurisdictionCode: AdminCode.optional(),
        includeDescendants: z.boolean().default(true),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const dir = await ctx.directory();
      const where: SQL[] = [];
      let codes: string[] | null = null;
      if (ctx.user.role !== "admin" && ctx.user.jurisdictionCode)
        codes = dir.subtree(ctx.user.jurisdictionCode);
      if (input.jurisdictionCode) {
        await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
        const wanted = input.includeDescendants
          ? dir.subtree(input.jurisdictionCode)
          : [input.jurisdictionCode];
        codes = codes ? wanted.filter((c) => codes!.includes(c)) : wanted;
      }
      if (codes) {
        if (codes.length === 0) return { items: [], total: 0, page: input.page, pageSize: input.pageSize };
        where.push(inArray(auditLog.jurisdictionCode, codes));
      }
      if (input.entity) where.push(eq(auditLog.entity, input.entity));
      if (input.entityId) where.push(eq(auditLog.entityId, input.entityId));
      if (input.action) where.push(eq(auditLog.action, input.action));
      if (input.actor) where.push(ilike(auditLog.actorName, likePattern(input.actor)));
      if (input.planId) {
        await ctx.authorize("read", { planId: input.planId });
        where.push(auditOfPlan(input.planId));
      }
      if (input.indicatorId) {
        await ctx.authorize("read", { indicatorId: input.indicatorId });
        where.push(auditOfIndicator(input.indicatorId));
      }
      if (input.year !== undefined) where.push(auditOfYear(input.year));
      if (input.from) where.push(gte(auditLog.at, new Date(input.from)));
      if (input.to) where.push(lt(auditLog.at, new Date(input.to)));
      const cond = where.length ? and(...where) : undefined;
      const [rows, [total]] = await Promise.all([
        ctx.db
          .select()
          .from(auditLog)
          .where(cond)
          .orderBy(desc(auditLog.id))
          .limit(input.pageSize)
          .offset(offsetOf(input)),
        ctx.db.select({ n: count() }).from(auditLog).where(cond),
      ]);
      return {
        items: await describeAuditRows(ctx.db, dir, rows),
        total: total?.n ?? 0,
        page: input.page,
        pageSize: input.pageSize,
      };
    }),
});
