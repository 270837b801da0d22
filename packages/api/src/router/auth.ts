import { Limits } from "@ybplan/domain/common";
import { z } from "zod";
import { createSession, sessionCookie } from "../auth/session.ts";
import * as auth from "../services/auth.ts";
import { protectedProcedure, publicProcedure, router } from "../trpc.ts";

export const authRouter = router({
  /** Signs in; sets the httpOnly session cookie. */
  login: publicProcedure
    .input(
      z.object({
        username: z.string().max(Limits.username, "用户名过长").trim().min(1, "请输入用户名"),
        password: z.string().min(1, "请输入密码").max(Limits.password, "密码过长"),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { user, token, expiresAt } = await auth.login(ctx.db, input, {
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      ctx.setCookie(sessionCookie(token, expiresAt, ctx.secureCookies));
      return { user, expiresAt: expiresAt.toISOString() };
    }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    await auth.logout(ctx.db, ctx.sessionToken);
    ctx.setCookie(sessionCookie(null, null, ctx.secureCookies));
    return { ok: true as const };
  }),

  /** The signed-in user, or null. */
  me: publicProcedure.query(({ ctx }) => ctx.user),

  changePassword: protectedProcedure
    .input(
      z.object({
        currentPassword: z.string().min(1, "请输入当前密码").max(Limits.password, "密码过长"),
        newPassword: z.string().max(Limits.password, "密码过长"),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await auth.changePassword(ctx.db, ctx.user, input);
      const { token, expiresAt } = await createSession(ctx.db, ctx.user.id, {
        ip: ctx.ip,
        userAgent: ctx.userAgent,
      });
      ctx.setCookie(sessionCookie(token, expiresAt, ctx.secureCookies));
      return { ok: true as const };
    }),
});
