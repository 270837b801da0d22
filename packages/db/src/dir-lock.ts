import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { Data } from "effect";

/**
 * One process at a time on an embedded (PGlite) data directory: PGlite has no lock of its own,
 * and two processes writing one directory corrupt it. `ybplan.lock` in the directory names the
 * owning process; a lock whose process is gone (killed) is taken over.
 */
export class DatabaseInUseError extends Data.TaggedError("DatabaseInUseError")<{
  readonly dataDir: string;
  readonly pid: number;
}> {
  override get message(): string {
    return `数据库正被另一进程使用（进程 ${this.pid}，${this.dataDir}）：请先停止该进程（如正在运行的服务），或通过服务的接口操作`;
  }
}

const LOCK_FILE = "ybplan.lock";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the directory for this process; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, "utf8").trim() === mine) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    let pid = Number.NaN;
    try {
      pid = Number(readFileSync(path, "utf8").trim());
    } catch {
      continue; // released meanwhile
    }
    // Worker threads of this process share it (the first opener releases it).
    if (pid === process.pid) return () => {};
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DatabaseInUseError({ dataDir, pid });
    rmSync(path, { force: true }); // stale: its process is gone
  }
  throw new DatabaseInUseError({ dataDir, pid: -1 });
}
