import type { Effect } from "effect";
import type { CliError } from "../errors.ts";

/** A top-level command (`ybplan report …`) or a group of subcommands (`ybplan db …`). */
export interface Command {
  readonly name: string;
  /** One line for `ybplan --help`. */
  readonly summary: string;
  /** Full `--help` text (Chinese). */
  readonly help: string;
  readonly run: (argv: readonly string[]) => Effect.Effect<void, CliError>;
}
