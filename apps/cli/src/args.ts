import { type ParseArgsConfig, parseArgs } from "node:util";
import { Effect } from "effect";
import { UsageError } from "./errors.ts";

/**
 * `node:util` parseArgs with errors as `UsageError` values and `--help` on every command.
 */
export type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Parsed<O extends Options> {
  readonly values: { [K in keyof O]?: O[K] extends { type: "boolean" } ? boolean : string };
  readonly positionals: string[];
  readonly help: boolean;
}

export function parse<O extends Options>(
  argv: readonly string[],
  options: O,
): Effect.Effect<Parsed<O>, UsageError> {
  return Effect.try({
    try: () => {
      const r = parseArgs({
        args: [...argv],
        options: { ...options, help: { type: "boolean", short: "h" } },
        allowPositionals: true,
        strict: true,
      });
      const { help, ...values } = r.values as Record<string, unknown>;
      return { values: values as Parsed<O>["values"], positionals: r.positionals, help: help === true };
    },
    catch: (e) => new UsageError({ message: translate(e instanceof Error ? e.message : String(e)) }),
  });
}

/** parseArgs' English messages, in Chinese. */
function translate(msg: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) return `未知选项 ${unknown[1]}（用 --help 查看用法）`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(msg);
  if (missing) return `选项 ${missing[1]} 缺少取值`;
  const unexpected = /Unexpected argument '([^']+)'/.exec(msg);
  if (unexpected) return `多余的参数 ${unexpected[1]}`;
  return msg;
}

export function required(value: string | undefined, name: string): Effect.Effect<string, UsageError> {
  return value === undefined || value === ""
    ? Effect.fail(new UsageError({ message: `缺少 ${name}（用 --help 查看用法）` }))
    : Effect.succeed(value);
}

export function yearOption(value: string | undefined, name = "--year"): Effect.Effect<number, UsageError> {
  if (value === undefined)
    return Effect.fail(new UsageError({ message: `缺少 ${name}（例如 ${name} 2023）` }));
  const n = Number(value);
  return Number.isInteger(n) && n >= 1949 && n <= 2100
    ? Effect.succeed(n)
    : Effect.fail(new UsageError({ message: `${name} 应为四位年份，收到“${value}”` }));
}

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  name: string,
  fallback?: T,
): Effect.Effect<T, UsageError> {
  if (value === undefined) {
    return fallback !== undefined
      ? Effect.succeed(fallback)
      : Effect.fail(new UsageError({ message: `缺少 ${name}（可选：${allowed.join(" | ")}）` }));
  }
  return (allowed as readonly string[]).includes(value)
    ? Effect.succeed(value as T)
    : Effect.fail(new UsageError({ message: `${name} 只能是 ${allowed.join(" | ")}，收到“${value}”` }));
}
