#!/usr/bin/env node
// Runs every package's tests through Turborepo and ends with one plain line
// `N passed, N failed`, summed over all test runners, so a run that executed no test is visible.
import { spawn } from "node:child_process";

// Two at a time: the machine has two cores, and browser and database suites time out when crowded.
const args = [
  "turbo",
  "run",
  "test",
  "--continue",
  "--concurrency=2",
  "--log-order=grouped",
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
// Vitest's summary: " Tests  2 failed | 40 passed | 1 skipped (43)" (turbo prefixes the package).
const summary = /\bTests\s{2,}(.*)\(\d+\)\s*$/;
function scan(line) {
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
child.on("close", (code) => {
  scan(buffer);
  // A runner that died before printing its summary still counts as a failure.
  if (code !== 0 && failed === 0) crashed = 1;
  const failedTotal = failed + crashed;
  console.log(`\n${passed} passed, ${failedTotal} failed`);
  process.exit(code !== 0 || failedTotal > 0 || passed === 0 ? 1 : 0);
});
