/**
 * Credit benchmark IN THE DATABASE (issue 8): re-grade 1,100,000 designated institutions with
 * 5,000,000 deduction events for one cycle under the shipped rule sets, as `regradeInDatabase`
 * does it (one generated INSERT … SELECT per rule set, upserting the grades with their reasons),
 * then the grade distribution of a province from the stored grades. Goal < 60 s.
 *
 * Needs PostgreSQL: YBPLAN_TEST_DATABASE_URL (tooling/scripts/start-postgres.sh). A fresh database
 * is created, loaded server-side with generate_series (not timed), and dropped.
 * Run: `tsx bench/credit.bench.ts` from packages/db.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { shippedRuleSets } from "@ybplan/domain/credit";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "../src/client.ts";
import { regradeInDatabase, storedGradeDistribution } from "../src/credit/index.ts";
import { migrate, migrationsDir } from "../src/migrate.ts";

export const dbRegradeGoalMs = 60_000;

export interface BenchFigure {
  name: string;
  measuredMs: number;
  goalMs: number | null;
  detail: string;
}

/**
 * CPU time (user + system) of a local server process, from /proc; null when not readable (remote
 * server). Wall time on a shared machine varies with load; CPU time of the backend does not much.
 */
function backendCpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

export async function runCreditDbBench(
  serverUrl: string,
  institutions = 1_100_000,
  deductions = 5_000_000,
): Promise<BenchFigure[]> {
  const name = `ybplan_credit_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // One connection, so one server process does the re-grade and its CPU time can be read.
  const database = await openDatabase({ databaseUrl: url.toString(), maxConnections: 1 });
  const raw = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const files = readdirSync(migrationsDir)
      .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
      .sort()
      .map((f) => ({ id: f.replace(/\.sql$/, ""), sql: readFileSync(`${migrationsDir}${f}`, "utf8") }));
    await migrate(database, files);

    const t0 = performance.now();
    // 55% in 内蒙古 (cities 1501–1512), 40% in 广东 (4401–4420), 5% in 南通 districts (320601–320608).
    await raw.unsafe(`
      INSERT INTO credit_institutions (code, name, kind, jurisdiction_code, designated_since)
      SELECT 'H' || lpad(i::text, 8, '0'), '机构' || i,
        CASE WHEN i % 3 = 0 THEN 'pharmacy' ELSE 'medical' END,
        CASE WHEN i % 20 < 11 THEN '15' || lpad((1 + i % 12)::text, 2, '0') || '00'
             WHEN i % 20 < 19 THEN '44' || lpad((1 + i % 20)::text, 2, '0') || '00'
             ELSE '3206' || lpad((1 + i % 8)::text, 2, '0') END,
        date '2010-01-01' + (i::bigint * 7919 % 5800)::int
      FROM generate_series(1, ${institutions}) i`);
    await raw.unsafe(`SELECT setseed(0.2026)`);
    await raw.unsafe(`
      INSERT INTO credit_institution_deductions (institution_code, item_code, points, date)
      SELECT 'H' || lpad((1 + floor(random() * random() * ${institutions}))::int::text, 8, '0'),
        (ARRAY['data-upload','price-publicity','over-charge','swap-items','excessive-treatment','refuse-inspection','fraud','credit-commitment'])[1 + floor(random() * 8)::int],
        NULL,
        date '2026-01-01' + floor(random() * 365)::int
      FROM generate_series(1, ${deductions})`);
    await raw.unsafe(`
      INSERT INTO credit_institution_flags (institution_code, year, flag)
      SELECT 'H' || lpad(i::text, 8, '0'), 2026, CASE WHEN i % 2 = 0 THEN 'seriousDishonestyList' ELSE 'failedAnnualReview' END
      FROM generate_series(1, ${institutions}, 500) i`);
    await raw.unsafe(`ANALYZE`);
    const loadMs = performance.now() - t0;

    const pidRows = (await database.db.execute(sql`SELECT pg_backend_pid() AS pid`)) as unknown as {
      pid: number;
    }[];
    const pid = Number(pidRows[0]!.pid);
    const cpu0 = backendCpuMs(pid);
    const t1 = performance.now();
    const counts = await regradeInDatabase(database.db, shippedRuleSets, 2026);
    const regrade = performance.now() - t1;
    const cpu = cpu0 === null ? null : backendCpuMs(pid)! - cpu0;
    const load = loadavg()[0]!;

    const t2 = performance.now();
    const dist = await storedGradeDistribution(database.db, 2026, "150000", ["A", "B", "C", "D"]);
    const distMs = performance.now() - t2;

    return [
      {
        name: "credit (PostgreSQL): re-grade institutions in the database",
        measuredMs: regrade,
        goalMs: dbRegradeGoalMs,
        detail: `${institutions.toLocaleString("en")} institutions, ${deductions.toLocaleString("en")} deductions; graded ${counts
          .map((c) => `${c.ruleSetId}=${c.graded}`)
          .join(
            " ",
          )}; server CPU ${cpu === null ? "n/a" : `${(cpu / 1000).toFixed(1)} s`}, load average ${load.toFixed(1)} on ${cpus().length} cores (loading, not timed: ${(loadMs / 1000).toFixed(1)} s)`,
      },
      {
        name: "credit (PostgreSQL): grade distribution of 内蒙古 2026",
        measuredMs: distMs,
        goalMs: null,
        detail: `${dist.total} institutions: ${Object.entries(dist.counts)
          .map(([g, n]) => `${g}=${n}`)
          .join(" ")}`,
      },
    ];
  } finally {
    await raw.end();
    await database.close();
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.YBPLAN_TEST_DATABASE_URL;
  if (!url) {
    console.log(
      "credit (PostgreSQL): skipped — set YBPLAN_TEST_DATABASE_URL (tooling/scripts/start-postgres.sh)",
    );
  } else {
    for (const f of await runCreditDbBench(url)) {
      const verdict = f.goalMs === null ? "" : f.measuredMs < f.goalMs ? "  ✔ within goal" : "  ✘ over goal";
      const goal = f.goalMs === null ? "no goal" : `goal < ${f.goalMs} ms`;
      console.log(`${f.name}: ${f.measuredMs.toFixed(0)} ms (${goal})${verdict}\n  ${f.detail}`);
    }
  }
}
