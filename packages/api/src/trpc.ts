import { initTRPC } from "@trpc/server";
import { z } from "zod";
import type { Context } from "./context.ts";
import { errorData, ForbiddenError, inputErrorMessage, toTRPCError, UnauthenticatedError } from "./errors.ts";

/**
 * tRPC is initialised once here. Base procedures:
 * - `publicProcedure` — anyone (login, health);
 * - `protectedProcedure` — a session is required; `ctx.user` is non-null;
 * - `adminProcedure` — 系统管理员 only.
 * Scope checks on a target entity happen through `ctx.authorize(permission, target)`.
 * Every procedure passes through `translateErrors`, the single place tagged errors become
 * tRPC codes; the errorFormatter adds the stable `data` payload (fields, conflict, tag).
 */

// Chinese messages for every zod issue (input validation of every procedure).
z.config(z.locales.zhCN());

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const inputMessage = inputErrorMessage(error);
    const message =
      error.code === "INTERNAL_SERVER_ERROR" ? "服务器内部错误" : (inputMessage ?? shape.message);
    // Drop `stack` (never sent to clients) and add our payload.
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, ...errorData(error) } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const translateErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTRPCError(result.error);
  return result;
});

export const publicProcedure = t.procedure.use(translateErrors);

/** What a user who must still change a one-time password may call (enforced here, not in the UI). */
const allowedBeforePasswordChange = new Set(["auth.changePassword", "auth.logout", "auth.me"]);

export const protectedProcedure = publicProcedure.use(({ ctx, next, path }) => {
  if (!ctx.user) throw new UnauthenticatedError({ reason: "请先登录" });
  if (ctx.user.mustChangePassword && !allowedBeforePasswordChange.has(path)) {
    throw new ForbiddenError({ reason: "请先修改初始密码" });
  }
  return next({ ctx: { ...ctx, user: ctx.user, actor: { id: ctx.user.id, name: ctx.user.displayName } } });
});

export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "admin") throw new ForbiddenError({ reason: "仅系统管理员可执行此操作" });
  return next();
});
