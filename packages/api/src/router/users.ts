import { Username } from "@ybplan/domain/access";
import { Limits } from "@ybplan/domain/common";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import { z } from "zod";
import { Role } from "../auth/roles.ts";
import { PageInput, pageOf, versioned } from "../services/common.ts";
import { UserDto } from "../services/dto.ts";
import * as users from "../services/users.ts";
import { adminProcedure, router } from "../trpc.ts";

export const usersRouter = router({
  list: adminProcedure
    .input(
      PageInput.extend({
        q: z.string().trim().max(Limits.shortText).optional(),
        role: Role.optional(),
        jurisdictionCode: AdminCode.optional(),
        active: z.boolean().optional(),
      }),
    )
    .output(pageOf(UserDto))
    .query(({ ctx, input }) => users.listUsers(ctx.db, input)),

  create: adminProcedure
    .input(
      z.object({
        // The domain's rule, after a cheap bound on what is read at all.
        username: z.string().max(Limits.username).pipe(Username),
        displayName: z.string().trim().min(1, "请输入姓名").max(50),
        role: Role,
        jurisdictionCode: AdminCode.nullable(),
        password: z.string().max(Limits.password).optional(),
      }),
    )
    .output(z.object({ user: UserDto, initialPassword: z.string().nullable() }))
    .mutation(({ ctx, input }) => users.createUser(ctx.db, ctx.actor, input)),

  update: adminProcedure
    .input(
      versioned(
        z.object({
          displayName: z.string().trim().min(1).max(50).optional(),
          role: Role.optional(),
          jurisdictionCode: AdminCode.nullable().optional(),
          active: z.boolean().optional(),
        }),
      ),
    )
    .output(UserDto)
    .mutation(({ ctx, input }) => users.updateUser(ctx.db, ctx.actor, input)),

  /** Without `password`: a generated one-time password, returned once. */
  resetPassword: adminProcedure
    .input(z.object({ id: z.uuid(), password: z.string().max(200).optional() }))
    .mutation(({ ctx, input }) => users.resetPassword(ctx.db, ctx.actor, input)),
});
