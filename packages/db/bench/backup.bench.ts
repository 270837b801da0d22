/**
 * Backup benchmark (issue 17): a PGlite database of at least YBPLAN_BENCH_BACKUP_MB (default 200)
 * MB by pg_database_size (the directory, with its WAL, is larger) is generated (audit rows with
 * realistic JSON, and observations), then `backupToFile` and `restoreFromFile` (into a fresh
 * directory, verified) each run in their own child process,
 * so each one's peak RSS is its own. Goals: < 60 s and < 512 MB peak RSS each. The embedded
 * database's own heap (PGlite's WebAssembly memory) is part of that RSS; opening and migrating
 * alone takes several hundred MB, which is why the target is migrated in a separate step.
 * Run: `tsx bench/backup.bench.ts` from packages/db.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { backupToFile, restoreFromFile, summarizeDatabase } from "../src/backup/index.ts";
import { openDatabase } from "../src/client.ts";
import { migrate } from "../src/migrate.ts";

const goalMs = 60_000;
const goalRssMb = 512;

function dirSizeMb(dir: string): number {
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else bytes += statSync(p).size;
    }
  };
  walk(dir);
  return bytes / 1024 / 1024;
}

/** The database's own size (tables, indexes, TOAST; not the write-ahead log). */
async function databaseMb(database: Awaited<ReturnType<typeof openDatabase>>): Promise<number> {
  const [row] = await database.rawTransaction((tx) =>
    tx.query<{ b: string }>("SELECT pg_database_size(current_database())::text AS b"),
  );
  return Number(row!.b) / 1024 / 1024;
}

async function generate(dir: string, targetMb: number): Promise<number> {
  const database = await openDatabase({ dataDir: dir });
  await migrate(database);
  await database.rawTransaction((tx) =>
    tx.exec(`
      INSERT INTO jurisdictions (code, name, level, parent_code) VALUES ('420000', '湖北省', 'province', NULL);
      INSERT INTO plans (id, jurisdiction_code, title, period_start, period_end, baseline_year)
        VALUES ('00000000-0000-4000-8000-000000000001', '420000', '湖北省医疗保障“十四五”规划', 2021, 2025, 2020);
      INSERT INTO indicators (plan_id, key, position, category, name, unit, baseline, target, target_kind, attribute, direction)
      SELECT '00000000-0000-4000-8000-000000000001', 'k' || g, g, '参保覆盖', '基本医疗保险参保率' || g, '%',
             '{"text":"96"}'::jsonb, '{"text":"≥97%"}'::jsonb, 'threshold', 'binding', 'higher'
        FROM generate_series(1, 2000) g;
      INSERT INTO observations (indicator_id, year, value_kind, value_number, source, note)
      SELECT i.id, 1950 + g, 'number', g * 1.5, '统计年鉴', '示例数据 ' || g
        FROM indicators i, generate_series(1, 50) g;
    `),
  );
  // Audit rows (≈1.2 KB each) until the database itself (not only the directory with its WAL)
  // reaches the target size.
  for (let chunk = 0; (await databaseMb(database)) < targetMb; chunk++) {
    await database.rawTransaction((tx) =>
      tx.exec(`
        INSERT INTO audit_log (actor_name, action, entity, entity_id, jurisdiction_code, before, after)
        SELECT '黄石填报员' || (g % 50), 'update', 'observation', gen_random_uuid()::text, '420200',
               jsonb_build_object('indicatorId', gen_random_uuid(), 'year', 2021 + g % 5, 'valueKind', 'number',
                 'valueNumber', g * 0.37, 'source', '医保结算系统', 'note', repeat('说明文字', 40 + g % 20)),
               jsonb_build_object('indicatorId', gen_random_uuid(), 'year', 2021 + g % 5, 'valueKind', 'number',
                 'valueNumber', g * 0.41, 'source', '医保结算系统', 'note', repeat('修改后的说明', 40 + g % 20))
          FROM generate_series(${chunk * 20000 + 1}, ${(chunk + 1) * 20000}) g;
      `),
    );
    await database.rawTransaction((tx) => tx.exec("CHECKPOINT"));
  }
  const sizeMb = await databaseMb(database);
  await database.close();
  return sizeMb;
}

/** Child-process steps: print {ms, rssMb, ...} as JSON on the last line. */
async function step(kind: string, dir: string, file: string): Promise<void> {
  const started = performance.now();
  // As the CLI opens it: PGlite with small buffers (the process does one job).
  const database = await openDatabase({ dataDir: dir, compact: true });
  let detail: Record<string, unknown> = {};
  if (kind === "backup") {
    const s = await backupToFile(database, file);
    detail = { rows: s.rows, fileMb: +(s.bytes / 1024 / 1024).toFixed(1), sha256: s.sha256 };
  } else if (kind === "baseline") {
    // The embedded database's own footprint: open the directory and read one table's size.
    await database.rawTransaction((tx) => tx.query("SELECT count(*) FROM audit_log"));
  } else if (kind === "prepare") {
    await migrate(database);
  } else if (kind === "restore") {
    const s = await restoreFromFile(database, file);
    detail = { rows: s.rows, sha256: s.sha256 };
  } else {
    const tables = await database.rawTransaction(summarizeDatabase);
    detail = { summary: tables };
  }
  await database.close();
  const ms = Math.round(performance.now() - started);
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ ms, rssMb, ...detail })}\n`);
}

function runStep(
  kind: string,
  dir: string,
  file: string,
): { ms: number; rssMb: number } & Record<string, unknown> {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ["--import", "tsx", self, "--step", kind, dir, file], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${kind} failed: ${r.stderr}`);
  const last = r.stdout.trim().split("\n").at(-1)!;
  return JSON.parse(last);
}

const args = process.argv.slice(2);
if (args[0] === "--step") {
  await step(args[1]!, args[2]!, args[3]!);
} else {
  const targetMb = Number(process.env.YBPLAN_BENCH_BACKUP_MB ?? 200);
  const work = mkdtempSync(join(tmpdir(), "ybplan-backup-bench-"));
  try {
    const source = join(work, "source");
    const target = join(work, "target");
    const file = join(work, "backup.ybbak");
    const genStarted = performance.now();
    const databaseSizeMb = await generate(source, targetMb);
    const sizeMb = dirSizeMb(source);
    console.log(
      `generated a ${databaseSizeMb.toFixed(0)} MB database (${sizeMb.toFixed(0)} MB PGlite directory) in ${((performance.now() - genStarted) / 1000).toFixed(0)} s`,
    );
    const baseline = runStep("baseline", source, file);
    const backup = runStep("backup", source, file);
    runStep("prepare", target, file); // an empty, migrated database, as `ybplan db restore` finds it
    const restore = runStep("restore", target, file);
    const a = runStep("summary", source, file);
    const b = runStep("summary", target, file);
    const equal = JSON.stringify(a.summary) === JSON.stringify(b.summary);
    const line = (name: string, r: { ms: number; rssMb: number }) =>
      `${name}: ${(r.ms / 1000).toFixed(1)} s (goal < ${goalMs / 1000} s ${r.ms < goalMs ? "✓" : "✗"}), peak RSS ${r.rssMb} MB (goal < ${goalRssMb} MB ${r.rssMb < goalRssMb ? "✓" : "✗"})`;
    console.log(
      `database ${databaseSizeMb.toFixed(0)} MB, ${backup.rows} rows, backup file ${backup.fileMb} MB`,
    );
    console.log(
      `baseline: opening the PGlite directory and counting one table takes ${baseline.rssMb} MB peak RSS`,
    );
    console.log(line("backup ", backup));
    console.log(line("restore", restore));
    console.log(`round trip hash-equal: ${equal ? "yes ✓" : "NO ✗"}`);
    if (!equal) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
