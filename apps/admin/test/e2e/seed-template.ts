/**
 * Global set-up of the admin tests: a directory for one seeded database that every end-to-end
 * file copies (harness.ts). Creating a database and seeding the five sample plans through the
 * importer takes 10–30 s on a busy machine; a copy of the seeded data directory opens in about 1 s.
 * The template itself is made by the first harness that needs it, so unit-test runs pay nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    e2eSeedDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "ybplan-admin-e2e-seed-"));
  project.provide("e2eSeedDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
