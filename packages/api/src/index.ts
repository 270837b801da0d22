/**
 * @ybplan/api — ybplan's tRPC router. Hosts (apps/server, apps/cli, tests) use:
 * `appRouter` / `AppRouter`, `createCaller(createContextInner({...}))`, `createContextFromRequest`,
 * `seedIfEmpty`, `warmFirstScreen`, and the session cookie helpers. Clients import only types.
 */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.ts";

export { generatePassword, hashPassword, verifyPassword } from "./auth/password.ts";
export { type Permission, type Role, roleAllows, roleLabels } from "./auth/roles.ts";
export { SESSION_COOKIE, type SessionUser, SYSTEM_USER_ID, systemUser } from "./auth/session.ts";
export { MAX_ACCOUNT_FAILURES, MAX_ADDRESS_FAILURES, MAX_FAILURES, WINDOW_MS } from "./auth/throttle.ts";
export {
  type Context,
  type ContextInnerOptions,
  createContextFromRequest,
  createContextInner,
  type Logger,
  type PlanImporter,
  silentLogger,
} from "./context.ts";
export { type ErrorData, type ErrorKind, errorKind, type KnownTag, toTRPCError } from "./errors.ts";
export { type AppRouter, appRouter, createCaller } from "./root.ts";
export { type SampleDataOptions, type SampleDataResult, seedSampleData } from "./sample-data.ts";
export { type SeedOptions, type SeedResult, seedIfEmpty, setUpDatabase } from "./seed.ts";
export { warmFirstScreen } from "./services/warm-up.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
