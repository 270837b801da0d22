import type { Database } from "@ybplan/db";
import { lastCompleteYear } from "@ybplan/domain/common";
import { loadDirectory } from "../auth/directory.ts";
import { nationalSummary } from "./national.ts";

/**
 * Computes ahead what national-scope users — the administrator first of all — open first: the
 * 全国 view of the default monitoring year. At national scale its first computation reads every
 * plan (about 10 s on PGlite, 3 s on PostgreSQL); a server does it right after it starts, so the
 * first person to sign in is not the one who waits. It fills the same per-plan lines the subtree
 * views use, and later reads come from the caches until data changes.
 */
export async function warmFirstScreen(
  database: Database,
  now = new Date(),
): Promise<{ year: number; plans: number; ms: number }> {
  const started = performance.now();
  const year = lastCompleteYear(undefined, now);
  const summary = await nationalSummary(database, await loadDirectory(database), year);
  return { year, plans: summary.totals.plans, ms: Math.round(performance.now() - started) };
}
