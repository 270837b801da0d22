/**
 * A tiny benchmark harness: time a function, compare with a goal, print one table. Speed goals
 * live here, never in unit tests. Each `*.bench.ts` exports a `Benchmark`; `run.ts` lists them.
 */

export interface BenchResult {
  readonly name: string;
  /** Median wall-clock time of the measured runs, in milliseconds. */
  readonly measuredMs: number;
  /** Goal in milliseconds; null for an informational line (no PASS/MISS). */
  readonly goalMs: number | null;
  /** Median CPU time (user + system, all threads) of the same runs: less sensitive to a busy machine. */
  readonly cpuMs?: number;
  /** Extra context printed under the table (sizes, counts). */
  readonly detail?: string;
}

export interface Benchmark {
  readonly name: string;
  readonly run: () => BenchResult[] | Promise<BenchResult[]>;
}

/** Runs `fn` once and returns its wall-clock and CPU time and its result. */
export function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export interface MeasureOptions {
  /** Measured runs after one warm-up run (median is reported). Default 5. */
  readonly runs?: number;
  readonly detail?: (value: unknown) => string;
}

/** Warms up once, then reports the median of `runs` timed runs. */
export function measure<T>(
  name: string,
  goalMs: number | null,
  fn: () => T,
  opts: MeasureOptions = {},
): BenchResult & { value: T } {
  let value = fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < (opts.runs ?? 5); i++) {
    const r = time(fn);
    times.push(r.ms);
    cpu.push(r.cpuMs);
    value = r.value;
  }
  return {
    name,
    measuredMs: median(times),
    goalMs,
    cpuMs: median(cpu),
    value,
    ...(opts.detail ? { detail: opts.detail(value) } : {}),
  };
}

export function status(r: BenchResult): "PASS" | "MISS" | "—" {
  if (r.goalMs === null) return "—";
  return r.measuredMs < r.goalMs ? "PASS" : "MISS";
}

function ms(n: number): string {
  return n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`;
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + " ".repeat(Math.max(0, w - width(s)));
}

/** "name  measured  goal  PASS" — one row per result, details underneath. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = [
    ["benchmark", "measured", "goal", "status", "cpu"],
    ...results.map((r) => [
      r.name,
      ms(r.measuredMs),
      r.goalMs === null ? "—" : `< ${ms(r.goalMs)}`,
      status(r),
      r.cpuMs === undefined ? "" : ms(r.cpuMs),
    ]),
  ];
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(...rows.map((row) => width(row[c]!))));
  const lines = rows.map((row) =>
    row
      .map((cell, c) => pad(cell, widths[c]!))
      .join("  ")
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  const details = results.filter((r) => r.detail !== undefined).map((r) => `  ${r.name}: ${r.detail}`);
  return [...lines, ...(details.length > 0 ? ["", ...details] : [])].join("\n");
}
