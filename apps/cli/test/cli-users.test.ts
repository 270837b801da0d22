import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.ts";

const root = mkdtempSync(join(tmpdir(), "ybplan-cli-users-"));
const env = { YBPLAN_DATA_DIR: join(root, "db"), DATABASE_URL: undefined };

describe("ybplan users", () => {
  beforeAll(async () => {
    // Users belong to jurisdictions: the seed writes them (and the sample plans).
    const s = await runCli(["db", "seed"], env);
    expect(s.code).toBe(0);
  });

  it("users add and reset-password", async () => {
    const add = await runCli(
      ["users", "add", "huangshi-editor", "--role", "planner", "--jurisdiction", "420200"],
      env,
    );
    expect(add.stderr).toBe("");
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/一次性密码：\S{14}/);
    // The API's vocabulary decides the exit code: a taken name is invalid input (BAD_REQUEST → 4).
    const dup = await runCli(
      ["users", "add", "huangshi-editor", "--role", "planner", "--jurisdiction", "420200"],
      env,
    );
    expect(dup.code).toBe(4);
    expect(dup.stderr).toContain("用户名已存在");
    // Usernames are 3–32 characters everywhere (the domain's rule), checked before the database opens.
    const short = await runCli(["users", "add", "ab", "--role", "viewer"], env);
    expect(short.code).toBe(2);
    const unknownPlace = await runCli(
      ["users", "add", "someone", "--role", "planner", "--jurisdiction", "999999"],
      env,
    );
    expect(unknownPlace.code).toBe(3);
    const weak = await runCli(["users", "reset-password", "huangshi-editor", "--password", "short"], env);
    expect(weak.code).toBe(4);
    const reset = await runCli(["users", "reset-password", "huangshi-editor"], {
      ...env,
      YBPLAN_NEW_PASSWORD: "Secret2024x",
    });
    expect(reset.code).toBe(0);
    expect(reset.stdout).not.toContain("一次性密码");
    const missing = await runCli(["users", "reset-password", "nobody"], env);
    expect(missing.code).toBe(3);
  });
});
