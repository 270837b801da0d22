/**
 * `pnpm bench`: the time to import all five sample plans, from their bytes (decoding, metadata,
 * table, notes, 专栏, outline) — goal < 0.5 s in total. Each plan alone and a .docx round trip
 * (mammoth) are printed for information.
 */
import { readFileSync } from "node:fs";
import { samplePlans } from "@ybplan/samples";
import { Effect } from "effect";
import { importPlanDocument } from "../src/index.ts";
import { type BenchResult, formatTable, measure, status } from "./harness.ts";

const GOAL_ALL_MS = 500;

const inputs = samplePlans.map((s) => ({
  key: s.key,
  bytes: new Uint8Array(readFileSync(s.path)),
  fileName: `${s.key}.txt`,
}));
const importOne = (input: { bytes: Uint8Array; fileName: string }) =>
  Effect.runPromise(importPlanDocument(input));

const importAll = async () => {
  const docs = [];
  for (const input of inputs) docs.push(await importOne(input));
  return docs;
};

const results: BenchResult[] = [];
// The first import in a fresh process (module code not yet optimised): what server seeding sees.
const t0 = performance.now();
await importAll();
results.push({ name: "  first run (cold)", measuredMs: performance.now() - t0, goalMs: null });
results.unshift(
  await measure("import all five sample plans", GOAL_ALL_MS, importAll, {
    runs: 9,
    detail: (docs) =>
      `${docs.reduce((a, d) => a + d.indicators.length, 0)} indicators, ${docs.reduce((a, d) => a + d.tasks.length, 0)} outline entries, ${docs.reduce((a, d) => a + d.projects.reduce((b, p) => b + p.items.length, 0), 0)} 专栏 items from ${inputs.reduce((a, i) => a + i.bytes.length, 0)} bytes`,
  }),
);
for (const input of inputs) results.push(await measure(`  ${input.key}`, null, () => importOne(input)));

// A .docx round trip for information (mammoth's unzip and XML parsing dominate).
const docxPath = process.env.YBPLAN_BENCH_DOCX;
if (docxPath) {
  const bytes = new Uint8Array(readFileSync(docxPath));
  results.push(
    await measure(`docx ${docxPath.split("/").pop()}`, null, () => importOne({ bytes, fileName: docxPath }), {
      runs: 3,
    }),
  );
}

console.log(formatTable(results));
if (results.some((r) => status(r) === "MISS")) process.exitCode = 1;
