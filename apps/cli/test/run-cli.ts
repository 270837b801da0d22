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

/** Runs `use` with these environment variables set (undefined: unset), and restores them after. */
export async function withEnv<A>(env: Record<string, string | undefined>, use: () => Promise<A>): Promise<A> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(env);
  try {
    return await use();
  } finally {
    set(saved);
  }
}

/**
 * Runs one command of the CLI in this process (the dispatch of `src/main.ts` without its exit
 * codes) and answers what it printed on stdout; a failure rejects with the CLI error. No process
 * start-up and no bundle, for checks that run a command several times; the embedded database it
 * opens must not be open elsewhere.
 */
export async function runInProcess(
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<string> {
  const [{ commands }, { Effect }] = await Promise.all([import("../src/cli.ts"), import("effect")]);
  const [name, ...rest] = args;
  const entry = commands.find((c) => c.name === name);
  if (!entry) throw new Error(`no command ${name}`);
  const command = await entry.load();
  let stdout = "";
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stdout.write;
  try {
    await withEnv(env, () => Effect.runPromise(command.run(rest)));
  } finally {
    process.stdout.write = write;
  }
  return stdout;
}
