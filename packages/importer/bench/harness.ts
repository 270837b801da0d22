/**
 * A tiny benchmark harness in the style of packages/domain/bench: time a function (median of a
 * few runs after a warm-up), compare with a goal, print one table. Speed goals live here, never
 * in unit tests.
 */

export interface BenchResult {
  readonly name: string;
  /** Median wall-clock time of the measured runs, in milliseconds. */
  readonly measuredMs: number;
  /** Goal in milliseconds; null for an informational line. */
  readonly goalMs: number | null;
  readonly detail?: string;
}

/** Warms up once, then reports the median of `runs` timed runs. */
export async function measure<T>(
  name: string,
  goalMs: number | null,
  fn: () => T | Promise<T>,
  opts: { runs?: number; detail?: (value: T) => string } = {},
): Promise<BenchResult> {
  let value = await fn();
  const times: number[] = [];
  for (let i = 0; i < (opts.runs ?? 5); i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const measuredMs = times[Math.floor(times.length / 2)] ?? Number.NaN;
  return { name, measuredMs, goalMs, ...(opts.detail ? { detail: opts.detail(value) } : {}) };
}

export function status(r: BenchResult): "PASS" | "MISS" | "—" {
  if (r.goalMs === null) return "—";
  return r.measuredMs < r.goalMs ? "PASS" : "MISS";
}

function ms(n: number): string {
  return n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`;
}

/** "benchmark  measured  goal  status" — one row per result, details underneath. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = [
    ["benchmark", "measured", "goal", "status"],
    ...results.map((r) => [
      r.name,
      ms(r.measuredMs),
      r.goalMs === null ? "—" : `< ${ms(r.goalMs)}`,
      status(r),
    ]),
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => (row[c] ?? "").length)));
  const lines = rows.map((row) =>
    row
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join("  ")
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  const details = results.filter((r) => r.detail !== undefined).map((r) => `  ${r.name}: ${r.detail}`);
  return [...lines, ...(details.length > 0 ? ["", ...details] : [])].join("\n");
}
