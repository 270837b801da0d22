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
    // One worker on two cores runs a package's files one after another; without isolation they
    // share it and its loaded modules instead of importing zod, effect and the workspace sources
    // again for every file (domain: 106 s → 16 s, importer 47 s → 7 s, api 66 s → 44 s on a busy
    // machine; import time was most of it). Files must not depend on module state another file
    // leaves: suites that start servers, browsers or processes opt back in (`isolate: true`).
    isolate: false,
  },
});

/** @param {import("vitest/config").ViteUserConfig} [overrides] */
export function defineTestConfig(overrides = {}) {
  return mergeConfig(baseTestConfig, overrides);
}
