import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/index.ts";
import { ADMIN_PASSWORD } from "../utils/backends.ts";
import { loggedIn } from "../utils/client.ts";

/**
 * Two processes on one embedded data directory: the second gets a clear refusal instead of
 * corrupting it; once the first is gone — even killed without a chance to clean up — it opens.
 */
const serverDir = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "ybplan-two-processes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Opens the directory in a separate Node process (as the CLI would) and closes it again. */
function openElsewhere(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const script = `import { openDatabase } from "@ybplan/db";
    const d = await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
    await d.rawTransaction((tx) => tx.query("SELECT 1"));
    await d.close();`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: serverDir,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("one embedded data directory, two processes", () => {
  it("refuses the second process clearly, and opens once the first is gone", {
    timeout: 180_000,
  }, async () => {
    const dataDir = join(work, "data");
    const server = await startServer({ port: 0, adminDist: null, adminPassword: ADMIN_PASSWORD, dataDir });
    try {
      const refused = await openElsewhere(dataDir);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain("数据库正被另一进程使用");
      // The server is unharmed.
      const admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
      expect((await admin.plans.list.query({})).total).toBe(5);
    } finally {
      await server.close();
    }
    expect((await openElsewhere(dataDir)).code).toBe(0);

    // A lock left by a process that was killed (its pid no longer runs) is taken over.
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    writeFileSync(join(dataDir, "ybplan.lock"), gone.stdout);
    expect((await openElsewhere(dataDir)).code).toBe(0);
  });
});
