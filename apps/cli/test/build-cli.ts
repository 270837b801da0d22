import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Vitest global set-up: the suite runs the bundle, so it is built from the current sources first. */
export default function setup(): void {
  const script = fileURLToPath(new URL("../scripts/build.mjs", import.meta.url));
  const r = spawnSync(process.execPath, [script], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`building the CLI failed (exit ${r.status})`);
}
