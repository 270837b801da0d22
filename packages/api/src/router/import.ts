import { savePlanDocument, ValidationError } from "@ybplan/db";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import { PlanDocument } from "@ybplan/domain/plan";
import { z } from "zod";
import { roleAllows } from "../auth/roles.ts";
import { ForbiddenError, ImportFailedError } from "../errors.ts";
import { previewRevision } from "../services/plan-revisions.ts";
import { protectedProcedure, router } from "../trpc.ts";

/** Largest upload accepted (base64 of 20 MiB). */
const MAX_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4;

/**
 * Plan import: upload → preview (the importer's PlanDocument with its warnings, and what saving
 * would do) → commit (savePlanDocument: upsert by jurisdiction + title, in place by key).
 */
export const importRouter = router({
  preview: protectedProcedure
    .input(
      z.object({
        fileName: z.string().trim().min(1).max(255),
        contentBase64: z.string().min(1, "文件为空").max(MAX_BASE64, "文件过大"),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      // No jurisdiction is known before reading; the role alone decides, commit checks the scope.
      if (!roleAllows(ctx.user.role, "editPlan"))
        throw new ForbiddenError({ reason: "当前角色无权导入规划" });
      if (!ctx.importer) throw new ImportFailedError({ reason: "服务器未配置文档导入功能" });
      const bytes = Buffer.from(input.contentBase64, "base64");
      const document = await ctx.importer({ fileName: input.fileName, bytes });
      const code = document.plan.jurisdictionCode;
      const dir = await ctx.directory();
      const revision = code ? await previewRevision(ctx.db, code, document) : null;
      const existing = revision?.existing;
      return {
        document,
        jurisdiction: code ? (dir.byCode.get(code) ?? null) : null,
        /** The plan a commit would revise (null: a new plan is created). */
        existingPlan: existing
          ? {
              id: existing.id,
              title: existing.title,
              version: existing.version,
              revision: existing.revision,
              status: existing.status,
            }
          : null,
        /** What the text changes in that plan, side by side; `unchanged`: committing changes nothing. */
        diff: revision?.diff ?? null,
        unchanged: revision?.unchanged ?? false,
        status: revision?.status ?? null,
      };
    }),

  commit: protectedProcedure
    .input(z.object({ document: PlanDocument, jurisdictionCode: AdminCode.optional() }))
    .mutation(async ({ ctx, input }) => {
      const code = input.jurisdictionCode ?? input.document.plan.jurisdictionCode;
      if (!code) {
        throw new ValidationError({
          issues: [{ path: ["jurisdictionCode"], message: "未能识别规划所属行政区划，请手动选择" }],
        });
      }
      await ctx.authorize("editPlan", { jurisdictionCode: code });
      const revision = await previewRevision(ctx.db, code, input.document);
      // An unchanged text is no new revision ("无变化").
      if (revision.existing && revision.unchanged) {
        const none = { created: 0, updated: 0, unchanged: 0, deleted: 0, retained: 0 };
        return {
          planId: revision.existing.id,
          jurisdictionCode: code,
          created: false,
          revision: revision.existing.revision,
          indicators: none,
          tasks: none,
          projects: none,
          unchanged: true,
        };
      }
      const saved = await savePlanDocument(ctx.db, input.document, ctx.actor, {
        jurisdictionCode: code,
        planId: revision.existing?.id,
        status: revision.status,
      });
      return { ...saved, unchanged: false };
    }),
});
