// Plain JavaScript: Vite loads config files' dependencies from node_modules without compiling them.
import { defineConfig, mergeConfig } from "vitest/config";

/**
 * The one test configuration every package extends. Unit tests live in `test/` as `*.test.ts`;
 * tests that need a database or a browser are `*.integration.test.ts` (longer timeouts apply).
 */
export const baseTestConfig = defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    // Generous: database and browser suites share two cores in CI. Speed goals live in benchmarks.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

/** @param {import("vitest/config").ViteUserConfig} [overrides] */
export function defineTestConfig(overrides = {}) {
  return mergeConfig(baseTestConfig, overrides);
}
