import { defineTestConfig } from "@ybplan/vitest-config";

// Every test spawns the real, bundled CLI (built once by the global set-up); the embedded
// database takes seconds to open on a busy machine.
export default defineTestConfig({
  test: { testTimeout: 240_000, globalSetup: ["test/build-cli.ts"], isolate: true },
});
