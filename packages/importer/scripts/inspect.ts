/**
 * Prints what the importer reads from the sample plans (or from given files), for people
 * extending it: `pnpm -F @ybplan/importer exec tsx scripts/inspect.ts [sample-key-part|path] [ind,task,proj]`.
 */
import { existsSync, readFileSync } from "node:fs";
import { samplePlans } from "@ybplan/samples";
import { Effect, Result } from "effect";
import { importPlanDocument } from "../src/index.ts";

const which = process.argv[2];
const parts = process.argv[3] ?? "ind";
const files =
  which && existsSync(which)
    ? [which]
    : samplePlans.filter((s) => !which || s.key.includes(which)).map((s) => s.path);

for (const path of files) {
  const r = await Effect.runPromise(
    Effect.result(importPlanDocument({ bytes: new Uint8Array(readFileSync(path)), fileName: path })),
  );
  if (Result.isFailure(r)) {
    console.log(path, r.failure.reason, r.failure.message);
    continue;
  }
  const d = r.success;
  console.log("==", path, JSON.stringify(d.plan));
  if (parts.includes("ind")) {
    for (const i of d.indicators) {
      console.log(
        i.position,
        i.line,
        `[${i.category}]`,
        i.name,
        `(${i.unit})`,
        "|B:",
        i.baseline.text,
        i.baseline.expression.kind,
        "|T:",
        i.target.text,
        i.target.expression.kind,
        "|",
        i.attribute,
        i.direction,
        i.assessment,
        "|def:",
        i.definition,
        "|fn:",
        i.footnote,
      );
    }
  }
  if (parts.includes("task")) {
    for (const t of d.tasks)
      console.log(
        " ".repeat(t.level * 2),
        t.line,
        t.key,
        t.number,
        t.title,
        "::",
        t.text.slice(0, 50).replace(/\n/g, "⏎"),
      );
  }
  if (parts.includes("proj")) {
    for (const p of d.projects) {
      console.log(p.line, p.key, p.title, p.items.length);
      for (const it of p.items) console.log("   ", it.line, it.number, it.title, "::", it.text.slice(0, 40));
    }
  }
  const items = d.projects.reduce((a, p) => a + p.items.length, 0);
  console.log(
    `footnotes ${d.footnotes.length}, tasks ${d.tasks.length}, projects ${d.projects.length}, items ${items}`,
  );
  for (const w of d.warnings) console.log("  W", w.line, w.code, w.message, "::", w.text.slice(0, 80));
}
