import { fromDatabaseError } from "@ybplan/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/index.ts";
import { ADMIN_PASSWORD, backends } from "../utils/backends.ts";
import { type Client, failure, loggedIn } from "../utils/client.ts";

/** Database constraint violations reach the caller as 4xx naming the field, never as a 500. */
describe.each(backends)("constraint violations on $name", (backend) => {
  let server: RunningServer;
  let admin: Client;

  beforeAll(async () => {
    server = await backend.start();
    admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
  });
  afterAll(() => server?.close());

  it("an unknown parentPlanId is BAD_REQUEST on parentPlanId, in Chinese", async () => {
    const plan = (await admin.plans.list.query({ pageSize: 1 })).items[0]!;
    const full = await admin.plans.get.query({ id: plan.id });
    const r = await failure(
      admin.plans.update.mutate({
        id: plan.id,
        version: full.version,
        data: {
          title: full.title,
          issuer: full.issuer,
          documentNumber: full.documentNumber,
          issueDate: full.issueDate,
          periodStart: full.periodStart,
          periodEnd: full.periodEnd,
          baselineYear: full.baselineYear,
          status: full.status,
          parentPlanId: "00000000-0000-4000-8000-000000000001",
        },
      }),
    );
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.data.fields).toEqual([{ path: "parentPlanId", message: "上级规划引用的记录不存在" }]);
    // Nothing was changed.
    expect((await admin.plans.get.query({ id: plan.id })).version).toBe(full.version);
  });

  it("translates a duplicate key and a still-referenced delete from the driver", async () => {
    const violation = async (sql: string) => {
      try {
        await server.database.rawTransaction((tx) => tx.exec(sql));
      } catch (e) {
        return fromDatabaseError(e);
      }
      throw new Error("expected the statement to fail");
    };
    const dup = await violation(
      "INSERT INTO users (username, display_name, password_hash, role) VALUES ('admin', 'x', 'x', 'viewer')",
    );
    expect(dup?.issues).toEqual([{ path: ["username"], message: "已存在相同用户名的记录" }]);
    const referenced = await violation("DELETE FROM jurisdictions WHERE code = '420200'");
    expect(referenced?.issues).toEqual([{ path: [], message: "该记录仍被其他数据引用，不能删除" }]);
    // Anything else is a real fault and stays one.
    try {
      await server.database.rawTransaction((tx) => tx.exec("SELECT * FROM no_such_table"));
    } catch (e) {
      expect(fromDatabaseError(e)).toBeNull();
    }
  });
});
