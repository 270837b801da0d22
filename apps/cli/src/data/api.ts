import type { createCaller, ErrorKind, PlanImporter } from "@ybplan/api";
import type { Database } from "@ybplan/db";
import { Effect } from "effect";
import { type CliError, Conflict, Failure, InvalidInput, messageOf, NotFound } from "../errors.ts";
import { databaseMessage, withDatabase } from "./database.ts";

/**
 * The CLI's one way to the data: the API's router, called in process as the administrator
 * "命令行" (`createCaller(createContextInner({ database, user: systemUser("命令行") }))`), so every
 * write is validated, version-checked and audited exactly as it is for the admin app.
 */
export type Api = ReturnType<typeof createCaller>;

export interface ApiSession {
  readonly api: Api;
  readonly database: Database;
}

/** The importer, loaded when a document is read (mammoth and the decoders cost start-up time). */
const readPlanDocument: PlanImporter = async (input) =>
  (await import("@ybplan/importer")).importPlanBytes(input);

/** Opens the database and a caller on it; `use` runs inside, the database closes afterwards. */
export function withApi<A, E>(
  use: (session: ApiSession) => Effect.Effect<A, E>,
  options: { readonly actor?: string } = {},
): Effect.Effect<A, E | Failure> {
  return withDatabase((database) =>
    Effect.flatMap(
      Effect.promise(async () => {
        const { createCaller, createContextInner, systemUser } = await import("@ybplan/api");
        const user = systemUser(options.actor ?? "命令行");
        return createCaller(createContextInner({ database, user, importer: readPlanDocument }));
      }),
      (api) => use({ api, database }),
    ),
  );
}

/** The exit code of each kind of the API's error vocabulary (`errorKind`), in one place. */
const cliErrorByKind: Record<ErrorKind, (message: string, details?: readonly string[]) => CliError> = {
  notFound: (message) => new NotFound({ message }),
  invalid: (message, details) => new InvalidInput({ message, ...(details ? { details } : {}) }),
  conflict: (message) => new Conflict({ message }),
  unauthenticated: (message) => new Failure({ message }),
  forbidden: (message) => new Failure({ message }),
  throttled: (message) => new Failure({ message }),
  internal: (message) => new Failure({ message }),
};

/** A field of a refused input (ValidationError, zod) or a row of a refused upload (InvalidRowsError). */
type Issue =
  | { readonly path: readonly PropertyKey[]; readonly message: string }
  | { readonly line: number; readonly field: string | null; readonly message: string };

/** Per-field (or per-row) issues of a refused input, as "where：message" lines. */
function fieldDetails(e: unknown): string[] | undefined {
  const cause = e instanceof Error && e.cause !== undefined ? e.cause : e;
  const issues = (cause as { issues?: readonly Issue[] } | null)?.issues;
  if (!Array.isArray(issues) || issues.length === 0) return undefined;
  return issues.map((i) =>
    "path" in i
      ? `${i.path.map(String).join(".")}：${i.message}`
      : `第${i.line}行${i.field === null ? "" : ` [${i.field}]`}：${i.message}`,
  );
}

/** Any failure of a router call as the CLI error of its kind (exit codes 3, 4, 5, else 1). */
export async function toCliError(what: string, e: unknown): Promise<CliError> {
  const { errorKind } = await import("@ybplan/api");
  const kind = errorKind(e);
  const details = fieldDetails(e);
  const reason = kind === "internal" ? databaseMessage(e) : messageOf(e);
  const first = kind === "invalid" && details?.length ? details[0]!.replace(/^[^：]*：/, "") : reason;
  return cliErrorByKind[kind](`${what}：${first}`, details && details.length > 1 ? details : undefined);
}

/** A call of the router as an Effect failing with the CLI error of its kind. */
export function call<A>(what: string, run: () => Promise<A>): Effect.Effect<A, CliError> {
  return Effect.tryPromise({
    try: async () => {
      try {
        return await run();
      } catch (e) {
        throw await toCliError(what, e);
      }
    },
    catch: (e) => e as CliError,
  });
}
