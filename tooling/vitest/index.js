// Plain JavaScript: Vite loads config files' dependencies from node_modules without compiling them.
import { defineConfig, mergeConfig } from "vitest/config";
import { BaseSequencer } from "vitest/node";

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
    // expect.poll waits for what a page or a background job shows next. Its own default (1 s) is
    // a flake on two busy cores: a click's answer, a re-render or a recompute can take longer.
    expect: { poll: { timeout: 15_000 } },
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

/**
 * A sequencer that starts the files whose path contains one of `patterns` first, in that order,
 * then the rest in vitest's own order. With two workers, a long file started last decides when the
 * package ends; on a fresh clone vitest has no timings and orders by file size, which says nothing
 * of a small file that runs a long table.
 * @param {readonly string[]} patterns
 */
export function slowFilesFirst(patterns) {
  return class SlowFilesFirst extends BaseSequencer {
    /** @param {import("vitest/node").TestSpecification[]} files */
    async sort(files) {
      const sorted = await super.sort(files);
      const rank = (/** @type {import("vitest/node").TestSpecification} */ f) => {
        const i = patterns.findIndex((p) => f.moduleId.includes(p));
        return i === -1 ? patterns.length : i;
      };
      return sorted
        .map((f, i) => ({ f, i }))
        .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
        .map((x) => x.f);
    }
  };
}
