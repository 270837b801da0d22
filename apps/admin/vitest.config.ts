import { defineTestConfig } from "@ybplan/vitest-config";

// End-to-end tests drive a real server and browser: run files one after another (2 shared cores).
// Each file's database is a copy of one seeded in the run (test/e2e/seed-template.ts).
export default defineTestConfig({
  test: { fileParallelism: false, isolate: true, globalSetup: ["test/e2e/seed-template.ts"] },
});
