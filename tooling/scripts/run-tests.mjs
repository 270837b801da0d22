#!/usr/bin/env node
// Runs every package's tests through Turborepo and ends with one plain line
// `N passed, N failed`, summed over all test runners, so a run that executed no test is visible.
// Before it: how long each task took (from turbo's run summary), so where the time goes is seen.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

// Two at a time: the machine has two cores, and browser and database suites time out when crowded.
const args = [
  "turbo",
  "run",
  "test",
  "--continue",
  "--concurrency=2",
  "--log-order=grouped",
  "--summarize",
  ...process.argv.slice(2),
];
const child = spawn("pnpm", ["exec", ...args], {
  stdio: ["inherit", "pipe", "pipe"],
  env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
});

let passed = 0;
let failed = 0;
let crashed = 0;
let buffer = "";
let summaryFile = null;
// Vitest's summary: " Tests  2 failed | 40 passed | 1 skipped (43)" (turbo prefixes the package).
const summary = /\bTests\s{2,}(.*)\(\d+\)\s*$/;
function scan(line) {
  const file = /^\s*Summary:\s+(\S+\.json)\s*$/.exec(line);
  if (file) summaryFile = file[1];
  const m = summary.exec(line);
  if (!m) return;
  passed += Number(/(\d+) passed/.exec(m[1])?.[1] ?? 0);
  failed += Number(/(\d+) failed/.exec(m[1])?.[1] ?? 0);
}
function onData(chunk, out) {
  out.write(chunk);
  buffer += chunk.toString("utf8");
  const lines = buffer.split("\n");
  buffer = lines.pop() ?? "";
  lines.forEach(scan);
}
child.stdout.on("data", (c) => onData(c, process.stdout));
child.stderr.on("data", (c) => onData(c, process.stderr));
/** Each task's wall time and when it started, slowest first (cache hits say so). */
function printTimes() {
  if (!summaryFile || !existsSync(summaryFile)) return;
  try {
    const run = JSON.parse(readFileSync(summaryFile, "utf8"));
    const start = run.execution?.startTime ?? 0;
    const end = run.execution?.endTime ?? 0;
    const rows = (run.tasks ?? [])
      .filter((t) => t.execution)
      .map((t) => ({
        id: t.taskId,
        ms: t.execution.endTime - t.execution.startTime,
        at: t.execution.startTime - start,
        hit: t.cache?.status === "HIT",
      }))
      .sort((a, b) => b.ms - a.ms);
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`\nTask times (wall, ${s(end - start)} in all; two at a time):`);
    for (const r of rows) {
      const note = r.hit ? "cached" : `from ${s(r.at)}`;
      console.log(`  ${r.id.padEnd(36)} ${s(r.ms).padStart(8)}  (${note})`);
    }
  } catch {
    // The times are a help, never a reason to fail the run.
  }
}

child.on("close", (code) => {
  scan(buffer);
  printTimes();
  // A runner that died before printing its summary still counts as a failure.
  if (code !== 0 && failed === 0) crashed = 1;
  const failedTotal = failed + crashed;
  console.log(`\n${passed} passed, ${failedTotal} failed`);
  process.exit(code !== 0 || failedTotal > 0 || passed === 0 ? 1 : 0);
});
