import { describe, it } from "vitest";
import { authorizationMatrix } from "./utils/authorization-matrix.ts";
import { backends } from "./utils/backends.ts";

// The role × relation × procedure matrix (utils/authorization-matrix.ts) on PostgreSQL, when
// YBPLAN_TEST_DATABASE_URL names one (CI sets YBPLAN_REQUIRE_POSTGRES=1, so there it cannot skip).
const postgres = backends.find((b) => b.name === "postgres");
if (postgres) authorizationMatrix(postgres);
else describe.skip("authorisation matrix on postgres: YBPLAN_TEST_DATABASE_URL 未设置", () => it("跳过"));
