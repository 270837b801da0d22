import { defineTestConfig, slowFilesFirst } from "@ybplan/vitest-config";

// End-to-end tests drive a real server and browser, one per file. Two files run at once: a browser
// file mostly waits for pages to settle, so the second worker fills the idle core; the longest
// start first. Each file's database is a copy of one seeded in the run (test/e2e/seed-template.ts).
export default defineTestConfig({
  test: {
    maxWorkers: 2,
    isolate: true,
    globalSetup: ["test/e2e/seed-template.ts"],
    sequence: { sequencer: slowFilesFirst(["e2e/a11y", "e2e/admin.integration"]) },
  },
});
