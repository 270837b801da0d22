/**
 * axe-core in the page (injected from the npm package) and the structure axe rates only moderate
 * but the app requires: shared by the accessibility suite and the modules' own e2e files.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { settled } from "./harness.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe on the page as it is now; critical and serious violations, one line per element. */
export async function axeFindings(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  // Colours are rated as painted: a dialog still fading in has half-blended text.
  await settled(page);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ["violations"],
    }),
  );
  return result.violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `[${v.impact}] ${v.id}: ${v.help} — ${n.target.join(" ")} — ${(n.failureSummary ?? "").split("\n").slice(1, 2).join("").trim()}`,
      ),
    );
}

/** Structure axe rates moderate but the issue requires: one <main>, one <h1>; no error state. */
export async function structureFindings(page: Page): Promise<string[]> {
  const out: string[] = [];
  const mains = await page.locator("main, [role=main]").count();
  if (mains !== 1) out.push(`<main> 数量为 ${mains}（应为 1）`);
  const h1 = await page.locator("h1").allTextContents();
  if (h1.length !== 1) out.push(`<h1> 数量为 ${h1.length}（应为 1）：${h1.join(" | ")}`);
  const errors = await page
    .locator("main .ant-alert-error, main .ant-result-error, main .ant-result-403, main .ant-result-404")
    .filter({ visible: true })
    .allInnerTexts();
  for (const e of errors) out.push(`页面显示错误：${e.replace(/\s+/g, " ").slice(0, 120)}`);
  return out;
}
