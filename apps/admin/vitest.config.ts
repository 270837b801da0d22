import { defineTestConfig, slowFilesFirst } from "@ybplan/vitest-config";

// End-to-end tests drive a real server and browser, one of each per file. Two files run at once: a
// browser file mostly waits for pages to settle, so the second worker fills the idle core. Files
// share their worker's loaded modules (the server, playwright): each starts its own server, browser
// and database and keeps no state in modules. The longest start first. Each file's database is a
// copy of one seeded in the run (test/e2e/seed-template.ts).
export default defineTestConfig({
  test: {
    maxWorkers: 2,
    isolate: false,
    globalSetup: ["test/e2e/seed-template.ts"],
    sequence: { sequencer: slowFilesFirst(["e2e/a11y", "e2e/admin.integration"]) },
  },
});
