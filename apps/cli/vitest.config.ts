import { defineTestConfig } from "@ybplan/vitest-config";

// Every test spawns the real CLI (tsx compiles on start; the embedded database takes seconds to open).
export default defineTestConfig({ test: { testTimeout: 240_000 } });
