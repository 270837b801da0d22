import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { MIGRATIONS_TABLE, migrationFiles } from "./migrate.ts";

/**
 * A migrated PGlite data directory as a tarball, so test databases start from it instead of
 * running initdb and every migration again (several seconds each on two cores). Kept in the temp
 * directory under a hash of the migrations (and PGlite's version), so a changed migration makes a
 * new one; made once per machine, read once per process.
 */
let memo: Promise<Blob> | null = null;

/** In-memory databases of test runs (vitest) start from the snapshot unless YBPLAN_PGLITE_SNAPSHOT=0. */
export function snapshotWanted(): boolean {
  return Boolean(process.env.VITEST) && process.env.YBPLAN_PGLITE_SNAPSHOT !== "0";
}

export function migratedSnapshot(create: () => Promise<PGlite>): Promise<Blob> {
  memo ??= (async () => {
    const hash = createHash("sha256");
    hash.update(String((PGlite as unknown as { version?: string }).version ?? ""));
    for (const f of migrationFiles()) hash.update(f.id).update("\0").update(f.sql).update("\0");
    const file = join(tmpdir(), `ybplan-pglite-${hash.digest("hex").slice(0, 16)}.tar`);
    if (existsSync(file)) return new Blob([readFileSync(file)]);
    const client = await create();
    try {
      // What `migrate` does, on the bare client (no Database around it yet).
      await client.exec(MIGRATIONS_TABLE);
      for (const f of migrationFiles()) {
        await client.transaction(async (tx) => {
          await tx.exec(f.sql);
          await tx.query("INSERT INTO _migrations (id) VALUES ($1)", [f.id]);
        });
      }
      const blob = await client.dumpDataDir("none");
      // Written aside then renamed: parallel test workers never read half a file.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
      renameSync(partial, file);
      removeStale(file);
      return blob;
    } finally {
      await client.close();
    }
  })();
  memo.catch(() => {
    memo = null;
  });
  return memo;
}

/** Snapshots of older migration sets (42 MB each) go once unused for an hour. */
function removeStale(current: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!/^ybplan-pglite-[0-9a-f]{16}\.tar$/.test(name) || path === current) continue;
    try {
      if (statSync(path).atimeMs < hourAgo && statSync(path).mtimeMs < hourAgo) rmSync(path, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}
