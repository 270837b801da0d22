import { passwordProblem, type Role, roleLabels, usernameProblem } from "@ybplan/domain/access";
import { Effect } from "effect";
import { oneOf, parse, required } from "../args.ts";
import { call, withApi } from "../data/api.ts";
import { InvalidInput, NotFound, UsageError } from "../errors.ts";
import type { Command } from "./command.ts";
import { group } from "./group.ts";

// The password and username rules are the domain's (the API applies the same ones); checked here
// first so a wrong option fails before the database is opened.
const roles = Object.keys(roleLabels) as Role[];

/** The password given (option or YBPLAN_NEW_PASSWORD), or undefined: the API generates one. */
function passwordOption(given: string | undefined): Effect.Effect<string | undefined, InvalidInput> {
  const password = given ?? process.env.YBPLAN_NEW_PASSWORD;
  const problem = password === undefined ? null : passwordProblem(password);
  return problem ? Effect.fail(new InvalidInput({ message: problem })) : Effect.succeed(password);
}

const addHelp = `用法：ybplan users add <用户名> --role <角色> [--jurisdiction <代码>] [--name <显示名>] [--password <密码>]

添加用户。未给出密码时生成一次性密码并只显示这一次，用户首次登录须修改。

  --role <角色>          ${roles.map((r) => `${r}（${roleLabels[r]}）`).join(" | ")}
  --jurisdiction <代码>  用户管辖的行政区划（含下级）；系统管理员可省略（全国）
  --name <显示名>        默认同用户名
  --password <密码>      也可用环境变量 YBPLAN_NEW_PASSWORD 传入（不进命令历史）
  -h, --help             显示本帮助`;

const addCommand: Command = {
  name: "add",
  summary: "添加用户",
  help: addHelp,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, {
        role: { type: "string" },
        jurisdiction: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
      });
      if (args.help) return void process.stdout.write(`${addHelp}\n`);
      const username = yield* required(args.positionals[0], "用户名");
      const badName = usernameProblem(username);
      if (badName) return yield* Effect.fail(new UsageError({ message: badName }));
      const role = yield* oneOf(args.values.role, roles, "--role");
      const code = args.values.jurisdiction ?? null;
      if (role !== "admin" && code === null) {
        return yield* Effect.fail(
          new UsageError({ message: "非系统管理员须用 --jurisdiction 指定管辖的行政区划" }),
        );
      }
      const password = yield* passwordOption(args.values.password);
      const created = yield* withApi(({ api }) =>
        Effect.gen(function* () {
          if (code !== null) yield* call("行政区划", () => api.jurisdictions.get({ code }));
          return yield* call("添加用户", () =>
            api.users.create({
              username,
              displayName: args.values.name ?? username,
              role,
              jurisdictionCode: code,
              password,
            }),
          );
        }),
      );
      process.stdout.write(
        `已添加用户 ${created.user.username}（${roleLabels[role]}${code ? `，${code}` : ""}）\n`,
      );
      if (created.initialPassword) {
        process.stdout.write(`一次性密码：${created.initialPassword}\n（仅显示这一次，首次登录后须修改）\n`);
      }
    }),
};

const resetHelp = `用法：ybplan users reset-password <用户名> [--password <密码>]

重置用户密码并注销其全部会话。未给出密码时生成一次性密码（只显示这一次，登录后须修改）。

  --password <密码>   也可用环境变量 YBPLAN_NEW_PASSWORD 传入
  -h, --help          显示本帮助`;

const resetCommand: Command = {
  name: "reset-password",
  summary: "重置用户密码",
  help: resetHelp,
  run: (argv) =>
    Effect.gen(function* () {
      const args = yield* parse(argv, { password: { type: "string" } });
      if (args.help) return void process.stdout.write(`${resetHelp}\n`);
      const username = yield* required(args.positionals[0], "用户名");
      const password = yield* passwordOption(args.values.password);
      const result = yield* withApi(({ api }) =>
        Effect.gen(function* () {
          const found = yield* call("查询用户", () => api.users.list({ q: username, pageSize: 200 }));
          const user = found.items.find((u) => u.username === username);
          if (!user) return yield* Effect.fail(new NotFound({ message: `用户 ${username} 不存在` }));
          return yield* call("重置密码", () => api.users.resetPassword({ id: user.id, password }));
        }),
      );
      process.stdout.write(`已重置 ${username} 的密码，原有会话已注销\n`);
      if (password === undefined) {
        process.stdout.write(`一次性密码：${result.password}\n（仅显示这一次，首次登录后须修改）\n`);
      }
    }),
};

export const usersCommand = group("users", "用户管理", [addCommand, resetCommand]);
