import { Year } from "@ybplan/domain/common";
import { ObservationValue } from "@ybplan/domain/observation";
import { z } from "zod";
import * as svc from "../services/observations.ts";
import { protectedProcedure, router } from "../trpc.ts";

export const observationsRouter = router({
  list: protectedProcedure
    .input(z.object({ planId: z.uuid(), fromYear: Year.optional(), toYear: Year.optional() }))
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
        rows: z
          .array(
            z.object({
              indicatorId: z.uuid(),
              subject: z.string().trim().min(1).max(50).nullable().optional(),
              value: ObservationValue.nullable(),
              source: z.string().trim().max(200).nullable().optional(),
              note: z.string().trim().max(1000).nullable().optional(),
              version: z.number().int().positive().nullable(),
            }),
          )
          .max(500),
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
