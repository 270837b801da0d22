import type { PGlite } from "@electric-sql/pglite";

/**
 * Planner statistics for PGlite, which has no autovacuum: without them the planner guesses table
 * sizes from pages and scans every observation to read one plan's (a seq scan where an index
 * lookup would do). This does what autovacuum's analyze does on PostgreSQL: a table is analysed
 * once more rows changed since its last ANALYZE than 50 + 10 % of its rows (PostgreSQL's
 * `autovacuum_analyze_threshold` and `…_scale_factor` defaults). Checked once writes have paused
 * for two seconds (never in the middle of a burst of saves: ANALYZE holds the one connection for a
 * moment) and every minute; the check is one small query.
 */
const THRESHOLD = 50;
const SCALE_FACTOR = 0.1;
const PERIOD_MS = 60_000;
const QUIET_MS = 2_000;

export interface StatisticsUpkeep {
  /** Analyses the tables past the threshold now; returns their names. */
  refresh(): Promise<string[]>;
  /** A write committed: check once writes have paused. */
  noteWrite(): void;
  /** No more checks; resolves when a running one has finished (before the database closes). */
  stop(): Promise<void>;
}

export function keepStatistics(client: PGlite): StatisticsUpkeep {
  let running: Promise<string[]> | null = null;
  let stopped = false;
  let soon: NodeJS.Timeout | null = null;

  const refresh = (): Promise<string[]> => {
    if (stopped) return Promise.resolve([]);
    running ??= stale(client)
      .then(async (tables) => {
        for (const t of tables) await client.exec(`ANALYZE ${quoteIdent(t)}`);
        return tables;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  // Upkeep must never fail a request: a failed check is tried again at the next tick.
  const quietly = () => void refresh().catch(() => undefined);
  const timer = setInterval(quietly, PERIOD_MS);
  timer.unref();

  return {
    refresh,
    noteWrite() {
      if (stopped) return;
      if (soon) clearTimeout(soon);
      soon = setTimeout(() => {
        soon = null;
        quietly();
      }, QUIET_MS);
      soon.unref();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (soon) clearTimeout(soon);
      await running?.catch(() => undefined);
    },
  };
}

/** Tables of the public schema whose modifications since the last ANALYZE passed the threshold. */
async function stale(client: PGlite): Promise<string[]> {
  // Statistics counters reach the views at the end of a transaction only after a flush interval.
  await client.query("SELECT pg_stat_force_next_flush()");
  const { rows } = await client.query<{ name: string }>(
    `SELECT s.relname AS name
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
      WHERE s.schemaname = 'public'
        AND s.n_mod_since_analyze > ${THRESHOLD} + ${SCALE_FACTOR} * greatest(c.reltuples, 0)
      ORDER BY s.relname`,
  );
  return rows.map((r) => r.name);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
