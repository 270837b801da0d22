import { Limits } from "@ybplan/domain/common";
import { attachmentMaxBytes } from "@ybplan/domain/workitem";
import { z } from "zod";
import * as svc from "../services/attachments.ts";
import { protectedProcedure, router } from "../trpc.ts";

/** Evidence attachments of tasks and 专栏 items: read to list and download, enterData to add or remove. */
const Target = z.union([z.object({ taskId: z.uuid() }), z.object({ projectItemId: z.uuid() })]);

export const attachmentsRouter = router({
  list: protectedProcedure.input(Target).query(async ({ ctx, input }) => {
    await ctx.authorize("read", input);
    return svc.listAttachments(ctx.db, input);
  }),

  upload: protectedProcedure
    .input(
      z.intersection(
        Target,
        z.object({
          fileName: z.string().trim().min(1).max(Limits.shortText),
          // base64 of at most the size limit (the domain check names the limit in its refusal).
          contentBase64: z.base64().max(Math.ceil(((attachmentMaxBytes + 2 * 1024 * 1024) * 4) / 3)),
        }),
      ),
    )
    .mutation(async ({ ctx, input }) => {
      const target = "taskId" in input ? { taskId: input.taskId } : { projectItemId: input.projectItemId };
      const code = await ctx.authorize("enterData", target);
      const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
      return svc.uploadAttachment(ctx.db, ctx.actor, code, { ...target, fileName: input.fileName, bytes });
    }),

  download: protectedProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    await ctx.authorize("read", await svc.attachmentTarget(ctx.db, input.id));
    return svc.downloadAttachment(ctx.db, input.id);
  }),

  delete: protectedProcedure.input(z.object({ id: z.uuid() })).mutation(async ({ ctx, input }) => {
    const code = await ctx.authorize("enterData", await svc.attachmentTarget(ctx.db, input.id));
    return svc.deleteAttachment(ctx.db, ctx.actor, code, input.id);
  }),
});
