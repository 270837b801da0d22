import { generatePassword, hashPassword, type Role, roleLabels } from "@ybplan/api";
import { jurisdictions as jurisdictionTable, sessions, users, writeAudit } from "@ybplan/db";
import { eq } from "drizzle-orm";
import { Effect } from "effect";
import { oneOf, parse, required } from "../args.ts";
import { query, withDatabase } from "../data/database.ts";
import { Conflict, InvalidInput, NotFound, UsageError } from "../errors.ts";
import type { Command } from "./command.ts";
import { group } from "./group.ts";

const actor = { id: null, name: "命令行" };
const roles = Object.keys(roleLabels) as Role[];

function passwordProblem(p: string): string | null {
  if (p.length < 8) return "密码至少 8 位";
  if (!/[A-Za-z]/.test(p) || !/\d/.test(p)) return "密码须同时包含字母和数字";
  return null;
}

function passwordOption(given: string | undefined): Effect.Effect<{ password: string; generated: boolean }, InvalidInput> {
  const fromEnv = given ?? process.env.YBPLAN_NEW_PASSWORD;
  if (fromEnv === undefined) return Effect.succeed({ password: generatePassword(), generated: true });
  const problem = passwordProblem(fromEnv);
  return problem ? Effect.fail(new InvalidInput({ message: problem })) : Effect.succeed({ password: fromEnv, generated: false });
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
      if (!/^[A-Za-z0-9_.-]{2,64}$/.test(username)) {
        return yield* Effect.fail(new UsageError({ message: "用户名只能包含字母、数字、下划线、点和连字符（2–64位）" }));
      }
      const role = yield* oneOf(args.values.role, roles, "--role");
      const code = args.values.jurisdiction ?? null;
      if (role !== "admin" && code === null) {
        return yield* Effect.fail(new UsageError({ message: "非系统管理员须用 --jurisdiction 指定管辖的行政区划" }));
      }
      const { password, generated } = yield* passwordOption(args.values.password);
      const passwordHash = yield* query("计算密码摘要", () => hashPassword(password));
      const created = yield* withDatabase((database) =>
        Effect.gen(function* () {
          const db = database.db;
          if (code !== null) {
            const [j] = yield* query("查询行政区划", () => db.select().from(jurisdictionTable).where(eq(jurisdictionTable.code, code)));
            if (!j) return yield* Effect.fail(new NotFound({ message: `行政区划 ${code} 不存在` }));
          }
          const [existing] = yield* query("查询用户", () => db.select().from(users).where(eq(users.username, username)));
          if (existing) return yield* Effect.fail(new Conflict({ message: `用户 ${username} 已存在（重置密码用 ybplan users reset-password）` }));
          return yield* query("添加用户", () =>
            db.transaction(async (tx) => {
              const [u] = await tx
                .insert(users)
                .values({
                  username,
                  displayName: args.values.name ?? username,
                  passwordHash,
                  role,
                  jurisdictionCode: code,
                  mustChangePassword: generated,
                  updatedBy: actor.name,
                })
                .returning();
              const { passwordHash: _h, ...after } = u!;
              await writeAudit(tx, actor, { action: "create", entity: "user", entityId: u!.id, jurisdictionCode: code, after });
              return u!;
            }),
          );
        }),
      );
      process.stdout.write(`已添加用户 ${created.username}（${roleLabels[role]}${code ? `，${code}` : ""}）\n`);
      if (generated) process.stdout.write(`一次性密码：${password}\n（仅显示这一次，首次登录后须修改）\n`);
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
      const { password, generated } = yield* passwordOption(args.values.password);
      const passwordHash = yield* query("计算密码摘要", () => hashPassword(password));
      yield* withDatabase((database) =>
        Effect.gen(function* () {
          const db = database.db;
          const [u] = yield* query("查询用户", () => db.select().from(users).where(eq(users.username, username)));
          if (!u) return yield* Effect.fail(new NotFound({ message: `用户 ${username} 不存在` }));
          yield* query("重置密码", () =>
            db.transaction(async (tx) => {
              await tx
                .update(users)
                .set({ passwordHash, mustChangePassword: generated, version: u.version + 1, updatedBy: actor.name, updatedAt: new Date() })
                .where(eq(users.id, u.id));
              await tx.delete(sessions).where(eq(sessions.userId, u.id));
              await writeAudit(tx, actor, {
                action: "resetPassword",
                entity: "user",
                entityId: u.id,
                jurisdictionCode: u.jurisdictionCode,
                before: { version: u.version },
                after: { version: u.version + 1, mustChangePassword: generated },
              });
            }),
          );
        }),
      );
      process.stdout.write(`已重置 ${username} 的密码，原有会话已注销\n`);
      if (generated) process.stdout.write(`一次性密码：${password}\n（仅显示这一次，首次登录后须修改）\n`);
    }),
};

export const usersCommand = group("users", "用户管理", [addCommand, resetCommand]);
