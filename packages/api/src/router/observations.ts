import { Year } from "@ybplan/domain/common";
import { z } from "zod";
import { ObservationDto } from "../services/dto.ts";
import * as svc from "../services/observations.ts";
import { protectedProcedure, router } from "../trpc.ts";

export const observationsRouter = router({
  list: protectedProcedure
    .input(z.object({ planId: z.uuid(), fromYear: Year.optional(), toYear: Year.optional() }))
    .output(z.array(ObservationDto))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { planId: input.planId });
      return svc.listObservations(ctx.db, input);
    }),

  /** Saves a year of a plan's values at once (all or nothing); see services/observations.ts. */
  upsertYear: protectedProcedure
    .input(
      z.object({
        planId: z.uuid(),
        year: Year,
        rows: z.array(svc.ObservationRowInput).max(500),
      }),
    )
    .output(
      z.object({
        created: z.number().int(),
        updated: z.number().int(),
        deleted: z.number().int(),
        unchanged: z.number().int(),
        observations: z.array(ObservationDto),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const code = await ctx.authorize("enterData", { planId: input.planId });
      return svc.upsertYear(ctx.db, ctx.actor, code, input, {
        dir: await ctx.directory(),
        writer: { user: ctx.user },
      });
    }),
});
