#!/usr/bin/env node
import { Cause, Effect, Exit } from "effect";
import { commands, mainHelp } from "./cli.ts";
import { ExitCode, exitCodeOf, isCliError, messageOf, UsageError } from "./errors.ts";

/**
 * `ybplan` — entry point. Every failure ends as one line on stderr (`ybplan: …`) and a
 * documented exit code; no stack traces (set YBPLAN_DEBUG=1 to see them).
 */
async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${mainHelp}\n`);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write("ybplan 0.1.0\n");
    return ExitCode.ok;
  }
  const entry = commands.find((c) => c.name === name);
  const program = entry
    ? (await entry.load()).run(rest)
    : Effect.fail(new UsageError({ message: `未知命令 ${name}（用 ybplan --help 查看全部命令）` }));
  const exit = await Effect.runPromiseExit(program);
  if (Exit.isSuccess(exit)) return ExitCode.ok;
  const error = Cause.squash(exit.cause);
  if (isCliError(error)) {
    process.stderr.write(`ybplan: ${error.message}\n`);
    if (error._tag === "InvalidInput" && error.details) {
      for (const d of error.details.slice(0, 50)) process.stderr.write(`  ${d}\n`);
      if (error.details.length > 50) process.stderr.write(`  ……另有 ${error.details.length - 50} 条\n`);
    }
    return exitCodeOf(error);
  }
  process.stderr.write(`ybplan: 内部错误：${messageOf(error)}\n`);
  if (process.env.YBPLAN_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
  return ExitCode.failure;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`ybplan: 内部错误：${messageOf(e)}\n`);
    process.exitCode = ExitCode.failure;
  },
);
