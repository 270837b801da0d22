import type { Database, Db } from "@ybplan/db";
import type { PlanDocument } from "@ybplan/domain/plan";
import { checkAccess, resolveJurisdiction, type ScopeTarget } from "./auth/access.ts";
import { type JurisdictionDirectory, loadDirectory } from "./auth/directory.ts";
import type { Permission } from "./auth/roles.ts";
import { readSessionToken, resolveSession, type SessionUser } from "./auth/session.ts";

/**
 * Request context. `createContextInner` takes plain dependencies (tests, the CLI and
 * `createCaller` use it directly); `createContextFromRequest` adds the cookie/session plumbing
 * of an HTTP request on top.
 */

/** Reads an uploaded plan document (the importer package provides the real one). */
export type PlanImporter = (input: { fileName: string; bytes: Uint8Array }) => Promise<PlanDocument>;

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export interface ContextInnerOptions {
  readonly database: Database;
  /** The signed-in user (null = anonymous). */
  readonly user?: SessionUser | null;
  /** The raw session token of this request, for logout. */
  readonly sessionToken?: string | null;
  readonly ip?: string;
  readonly userAgent?: string | null;
  /** Called with `Set-Cookie` values (login/logout); absent outside HTTP. */
  readonly setCookie?: (cookie: string) => void;
  readonly secureCookies?: boolean;
  readonly importer?: PlanImporter | null;
  readonly log?: Logger;
}

export function createContextInner(opts: ContextInnerOptions) {
  const database = opts.database;
  const user = opts.user ?? null;
  return {
    database,
    db: database.db as Db,
    user,
    sessionToken: opts.sessionToken ?? null,
    ip: opts.ip ?? "local",
    userAgent: opts.userAgent ?? null,
    setCookie: opts.setCookie ?? (() => {}),
    secureCookies: opts.secureCookies ?? false,
    importer: opts.importer ?? null,
    log: opts.log ?? silentLogger,
    directory: (): Promise<JurisdictionDirectory> => loadDirectory(database),
    /**
     * Resolves the target's jurisdiction and checks the user's role and scope; returns the
     * jurisdiction code (for audit). Every procedure that touches scoped data calls this first.
     */
    authorize: async (permission: Permission, target: ScopeTarget): Promise<string> => {
      const code = await resolveJurisdiction(database.db, target);
      checkAccess(user, await loadDirectory(database), code, permission);
      return code;
    },
  };
}

export type Context = ReturnType<typeof createContextInner>;

export interface RequestContextOptions extends Omit<ContextInnerOptions, "user" | "sessionToken"> {
  readonly cookieHeader: string | undefined | null;
}

export async function createContextFromRequest(opts: RequestContextOptions): Promise<Context> {
  const token = readSessionToken(opts.cookieHeader);
  // PGlite: this process owns the database, so in-process invalidation is exact → long TTL.
  const ttlMs = opts.database.kind === "pglite" ? 60_000 : 2_000;
  const user = token ? await resolveSession(opts.database.db, token, new Date(), ttlMs) : null;
  return createContextInner({ ...opts, user, sessionToken: user ? token : null });
}
