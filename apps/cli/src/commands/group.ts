import { Effect } from "effect";
import { UsageError } from "../errors.ts";
import type { Command } from "./command.ts";

/** A command made of subcommands: `ybplan db migrate`, `ybplan import plan`. */
export function group(name: string, summary: string, subcommands: readonly Command[]): Command {
  const help = [
    `用法：ybplan ${name} <子命令> [选项]`,
    "",
    summary,
    "",
    ...subcommands.map((c) => `  ${c.name.padEnd(18)}${c.summary}`),
    "",
    `ybplan ${name} <子命令> --help 查看子命令的用法。`,
  ].join("\n");
  return {
    name,
    summary,
    help,
    run: (argv) => {
      const [sub, ...rest] = argv;
      if (sub === undefined || sub === "--help" || sub === "-h" || sub === "help") {
        return Effect.sync(() => void process.stdout.write(`${help}\n`));
      }
      const cmd = subcommands.find((c) => c.name === sub);
      if (!cmd) {
        return Effect.fail(
          new UsageError({
            message: `未知的子命令 ${name} ${sub}（可用：${subcommands.map((c) => c.name).join("、")}）`,
          }),
        );
      }
      return cmd.run(rest);
    },
  };
}
