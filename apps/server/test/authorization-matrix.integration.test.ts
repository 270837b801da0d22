import { appRouter } from "@ybplan/api";
import { describe, expect, it } from "vitest";
import { authorizationMatrix, procedures } from "./utils/authorization-matrix.ts";
import { backends } from "./utils/backends.ts";

// The role × relation × procedure matrix (utils/authorization-matrix.ts) on embedded PGlite; the
// PostgreSQL run is its own file so the two run side by side.
describe("the matrix table", () => {
  it("lists every procedure of the whole AppRouter, and nothing else", () => {
    const all = Object.keys(appRouter._def.procedures).sort();
    // "<procedure>:<variant>" rows check one procedure with inputs that need different rights.
    const listed = [...new Set(procedures.map(([name]) => name.split(":")[0]!))].sort();
    expect(listed).toEqual(all);
  });
});

authorizationMatrix(backends.find((b) => b.name === "pglite")!);
