// `pnpm bench` for the CLI: start-up of the bundled command against its goals, measured next to
// `node -e ""` in the same run so a busy machine shows as a slow baseline, not as a slow CLI.
//   ybplan --help                                  < 0.3 s
//   ybplan evaluate --plan 黄石市 --year 2023      < 1.5 s CPU (embedded database, seeded)
//   peak RSS of either                             < 250 MB
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(cliDir, "dist/ybplan.mjs");
const runs = Number(process.env.YBPLAN_BENCH_RUNS ?? 5);

// The child reports its own peak resident set size (kB) and CPU time (µs) on exit, on stderr's
// last line: CPU time does not grow when other processes crowd the machine, wall time does.
const peak =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nmaxrss='+u.maxRSS+' cpu='+(u.userCPUTime+u.systemCPUTime)+'\\n')})";

function once(args, env) {
  const started = performance.now();
  const r = spawnSync(process.execPath, ["--import", peak, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr.slice(-400)}`);
  const rss = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? Number.NaN) / 1024;
  const cpu = Number(/cpu=(\d+)/.exec(r.stderr)?.[1] ?? Number.NaN) / 1e6;
  return { seconds, rss, cpu };
}

function measure(args, env = {}) {
  const all = Array.from({ length: runs }, () => once(args, env));
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    seconds: median(all.map((r) => r.seconds)),
    cpu: median(all.map((r) => r.cpu)),
    rss: Math.max(...all.map((r) => r.rss)),
  };
}

const build = spawnSync(process.execPath, [join(cliDir, "scripts/build.mjs")], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const dataDir = mkdtempSync(join(tmpdir(), "ybplan-bench-"));
const env = { YBPLAN_DATA_DIR: join(dataDir, "db"), DATABASE_URL: "" };
try {
  process.stderr.write("seeding an embedded database (not timed)…\n");
  once([entry, "db", "seed", "--observations", "--year", "2023"], env);

  const node = measure(["-e", ""]);
  const help = measure([entry, "--help"]);
  const evaluate = measure([entry, "evaluate", "--plan", "黄石市", "--year", "2023"], env);
  const row = (name, m, goal) =>
    `${name.padEnd(44)} ${m.seconds.toFixed(2).padStart(6)} s  ${m.cpu.toFixed(2).padStart(6)} s CPU  ${m.rss.toFixed(0).padStart(5)} MB  ${goal}`;
  const mark = (ok) => (ok ? "✓" : "✗");
  const lines = [
    `CLI start-up, median of ${runs} runs: wall time, CPU time (user + system), peak RSS of the largest run`,
    row('node -e ""  (baseline)', node, ""),
    row("ybplan --help", help, `goal < 0.30 s ${mark(help.seconds < 0.3)}, < 250 MB ${mark(help.rss < 250)}`),
    row(
      "ybplan evaluate --plan 黄石市 --year 2023",
      evaluate,
      // Judged on CPU time: on a shared machine the wall time measures the other processes too.
      `goal < 1.50 s CPU ${mark(evaluate.cpu < 1.5)}, < 250 MB ${mark(evaluate.rss < 250)}`,
    ),
    `over the baseline: --help +${(help.seconds - node.seconds).toFixed(2)} s, evaluate +${(evaluate.seconds - node.seconds).toFixed(2)} s (wall)`,
    "(a baseline far above 0.05 s means a busy machine: the wall times are then upper bounds, the CPU times hold)",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
