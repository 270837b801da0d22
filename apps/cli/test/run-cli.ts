import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const cliDir = fileURLToPath(new URL("..", import.meta.url));
/** The bundled command (test/build-cli.ts builds it once before the suite). */
export const cliEntry = fileURLToPath(new URL("../dist/ybplan.mjs", import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real, bundled CLI (`node dist/ybplan.mjs …`) as a user would, in its own process. */
export function runCli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  cwd = cliDir,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", INIT_CWD: cwd, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
