import { type Database, migrationFiles } from "@ybplan/db";

/**
 * `/readyz`: may a proxy send this process requests? Not while draining, not when the database
 * cannot be reached (within 2 s), not when its migrations differ from this program's. Checked at
 * most once a second, so probes do not load the database.
 */
export interface Readiness {
  readonly ready: boolean;
  readonly reason?: string;
}

export function readinessCheck(database: Database): () => Promise<Readiness> {
  const expected = migrationFiles()
    .map((f) => f.id)
    .sort()
    .join(",");
  let last: { at: number; result: Promise<Readiness> } | null = null;
  const probe = async (): Promise<Readiness> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const rows = await Promise.race([
        database.rawTransaction((tx) => tx.query<{ id: string }>("SELECT id FROM _migrations ORDER BY id")),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error("数据库 2 秒内无响应")), 2_000);
        }),
      ]);
      const applied = rows.map((r) => r.id).join(",");
      if (applied !== expected) return { ready: false, reason: "数据库结构与本程序版本不一致" };
      return { ready: true };
    } catch (e) {
      return { ready: false, reason: `数据库不可用：${e instanceof Error ? e.message : String(e)}` };
    } finally {
      clearTimeout(timer);
    }
  };
  return () => {
    const now = Date.now();
    if (!last || now - last.at > 1_000) last = { at: now, result: probe() };
    return last.result;
  };
}
