import { Data } from "effect";

/**
 * Every way a command can fail, as tagged values with the process exit code they map to.
 * Messages are Chinese and printed as one line (`ybplan: …`), never with a stack trace.
 */

/** Exit codes (documented in the README and `ybplan --help`). */
export const ExitCode = {
  ok: 0,
  /** Something went wrong while doing the work (database, file system, rendering). */
  failure: 1,
  /** The command line is wrong: unknown command or option, missing argument. */
  usage: 2,
  /** A plan, file, user or indicator named on the command line does not exist. */
  notFound: 3,
  /** The input file or value is unreadable or invalid. */
  invalidInput: 4,
  /** The change conflicts with the stored data (e.g. a user that already exists). */
  conflict: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export class UsageError extends Data.TaggedError("UsageError")<{ readonly message: string }> {}

export class NotFound extends Data.TaggedError("NotFound")<{ readonly message: string }> {}

export class InvalidInput extends Data.TaggedError("InvalidInput")<{
  readonly message: string;
  /** Row/field details, printed below the one-line message when present. */
  readonly details?: readonly string[];
}> {}

export class Conflict extends Data.TaggedError("Conflict")<{ readonly message: string }> {}

export class Failure extends Data.TaggedError("Failure")<{ readonly message: string }> {}

export type CliError = UsageError | NotFound | InvalidInput | Conflict | Failure;

export function exitCodeOf(e: CliError): ExitCode {
  switch (e._tag) {
    case "UsageError":
      return ExitCode.usage;
    case "NotFound":
      return ExitCode.notFound;
    case "InvalidInput":
      return ExitCode.invalidInput;
    case "Conflict":
      return ExitCode.conflict;
    case "Failure":
      return ExitCode.failure;
  }
}

export function isCliError(u: unknown): u is CliError {
  return (
    typeof u === "object" &&
    u !== null &&
    "_tag" in u &&
    ["UsageError", "NotFound", "InvalidInput", "Conflict", "Failure"].includes((u as { _tag: string })._tag)
  );
}

/** The message of anything thrown, without a stack. */
export function messageOf(u: unknown): string {
  if (u instanceof Error) return u.message;
  if (typeof u === "object" && u !== null && "message" in u)
    return String((u as { message: unknown }).message);
  return String(u);
}
