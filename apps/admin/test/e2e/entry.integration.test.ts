/**
 * The data-entry grid in a real browser against the real server: two people on one year lose
 * nothing, a dropped connection keeps the edits (and a reload restores them), and the keyboard
 * moves between value cells without ever saving.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_PASSWORD,
  callApi,
  type Harness,
  login,
  newContext,
  requireChromium,
  shot,
  startHarness,
} from "./harness.ts";

const runs = requireChromium("数据填报");

const HUANGSHI = "420200";

interface Observation {
  indicatorId: string;
  subject: string | null;
  year: number;
  value: { kind: "number"; value: number } | { kind: "text"; text: string };
  recordedBy: string | null;
}

/**
 * The value cells of `year`'s grid. After a goto that changes only the address's hash, the previous
 * year's grid stays until the app hears of the change: a wait must name the year it expects.
 */
const valueCells = (p: Page, year: number) =>
  p.locator(`input[data-entry-index][aria-label$=" ${year}年数值"]`);
const cell = (p: Page, i: number) => p.locator(`input[data-entry-index="${i}"]`);

describe.skipIf(!runs)("data entry end to end (real server, Chromium)", () => {
  let h: Harness;
  let ctxA: BrowserContext;
  let ctxB: BrowserContext;
  let a: Page;
  let b: Page;
  let planId: string;

  const stored = async (year: number) =>
    callApi<Observation[]>(ctxA, "query", "observations.list", { planId, fromYear: year, toYear: year });

  beforeAll(async () => {
    h = await startHarness();
    ctxA = await newContext(h);
    a = await ctxA.newPage();
    await login(a, "admin", ADMIN_PASSWORD);
    const list = await callApi<{ items: Array<{ id: string; jurisdictionCode: string }> }>(
      ctxA,
      "query",
      "plans.list",
      {
        pageSize: 50,
      },
    );
    planId = list.items.find((p) => p.jurisdictionCode === HUANGSHI)!.id;
    await callApi(ctxA, "mutation", "users.create", {
      username: "hs-clerk-b",
      displayName: "黄石填报员乙",
      role: "planner",
      jurisdictionCode: HUANGSHI,
      password: "Huangshi-填报-2026",
    });
    ctxB = await newContext(h);
    b = await ctxB.newPage();
    await login(b, "hs-clerk-b", "Huangshi-填报-2026");
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== "fail") return;
    const name = `failed-entry-${ctx.task.name.slice(0, 30).replace(/[^\w\u4e00-\u9fff]+/g, "-")}`;
    for (const [i, p] of [a, b].entries()) if (p && !p.isClosed()) await shot(p, `${name}-${i}`);
  });

  afterAll(async () => {
    await h?.close();
  });

  it("B keeps two edits after A saved the whole year: A's other values all survive", async () => {
    const url = `/#/plans/${planId}/entry?year=2024`;
    await a.goto(url);
    await b.goto(url);
    await valueCells(a, 2024).first().waitFor();
    await valueCells(b, 2024).first().waitFor();
    const n = await valueCells(a, 2024).count();
    expect(n).toBeGreaterThanOrEqual(16);

    // A fills every value of 2024 and saves.
    const aValue = (i: number) => String(40 + i);
    for (let i = 0; i < n; i++) await cell(a, i).fill(aValue(i));
    await a.getByRole("button", { name: "全部保存" }).click();
    await a.getByText(`已保存：新增 ${n} 项`).waitFor();

    // B, still on the empty grid, edits two rows and saves: refused, A's values loaded around B's edits.
    await cell(b, 0).fill("77.7");
    await cell(b, 1).fill("66.6");
    await b.getByRole("button", { name: "全部保存" }).click();
    await b.getByTestId("conflict-alert").waitFor();
    await expect.poll(() => b.getByTestId("cell-conflict").count(), { timeout: 15_000 }).toBe(2);
    // The conflicts show in the render that brings A's values; the untouched cells take them in
    // the effect after it (rebaseDraft), a moment later.
    for (let i = 2; i < n; i++) await expect.poll(() => cell(b, i).inputValue()).toBe(aValue(i));
    // Both values are shown for each cell both changed.
    const firstConflict = b.getByTestId("cell-conflict").first();
    await expect(firstConflict.textContent()).resolves.toContain("用我的：77.7");
    await expect(firstConflict.textContent()).resolves.toContain(`用对方的：${aValue(0)}`);
    await shot(b, "entry-conflict-per-cell");

    // B keeps both of their values (the old "保留我的修改") and saves again.
    await b.getByRole("button", { name: "冲突项全部保留我的修改" }).click();
    await expect.poll(() => b.getByTestId("dirty-count").textContent()).toBe("2 项未保存");
    await b.getByRole("button", { name: "全部保存" }).click();
    const toast = b.getByText(/已保存：新增 0 项，修改 2 项/);
    await toast.waitFor();
    await expect(toast.textContent()).resolves.not.toContain("清除");
    // The toast comes before the refetch that settles B's two cells: until then they count as
    // unsaved, and the next test's navigation would stop on the "unsaved changes" dialog.
    await expect.poll(() => b.getByTestId("dirty-count").textContent()).toBe("没有未保存的修改");

    const saved = await stored(2024);
    expect(saved).toHaveLength(n);
    const inds = await callApi<Array<{ id: string }>>(ctxA, "query", "indicators.list", { planId });
    const byIndicator = new Map(saved.map((o) => [`${o.indicatorId}|${o.subject ?? ""}`, o]));
    // Grid order follows the indicator order; the first two are B's, every other one is still A's.
    const numbers = saved
      .map((o) => (o.value.kind === "number" ? o.value.value : Number.NaN))
      .sort((x, y) => x - y);
    expect(numbers.filter((v) => v === 77.7 || v === 66.6)).toHaveLength(2);
    for (let i = 2; i < n; i++) expect(numbers).toContain(Number(aValue(i)));
    const first = byIndicator.get(`${inds[0]!.id}|`);
    expect(first?.value).toEqual({ kind: "number", value: 77.7 });
    expect(first?.recordedBy).toBe("黄石填报员乙");
    // The audit holds B's two updates and no deletion of A's values.
    const audit = (action: string) =>
      callApi<{ items: Array<{ actorName: string }> }>(ctxA, "query", "audit.list", {
        entity: "observation",
        action,
        pageSize: 50,
      });
    expect((await audit("delete")).items).toEqual([]);
    expect((await audit("update")).items.filter((e) => e.actorName === "黄石填报员乙")).toHaveLength(2);
    // From the grid, "修改记录" opens the history of that one value: A created it, B changed it.
    await a.goto(url);
    await valueCells(a, 2024).first().waitFor();
    await a.getByRole("link", { name: "修改记录" }).first().click();
    await a.locator("tr.ant-table-row", { hasText: "黄石填报员乙" }).first().waitFor();
    await expect(a.locator("tr.ant-table-row").count()).resolves.toBe(2);
  }, 120_000);

  it("a save that cannot reach the server says 网络异常, keeps the edits, survives a reload and can be retried", async () => {
    const url = `/#/plans/${planId}/entry?year=2022`;
    await b.goto(url);
    await valueCells(b, 2022).first().waitFor();
    await cell(b, 0).fill("95.1");
    await cell(b, 2).fill("70.2");
    await b.route("**/trpc/observations.upsertYear**", (route) => route.abort("internetdisconnected"));
    await b.getByRole("button", { name: "全部保存" }).click();
    await b.getByTestId("save-error").filter({ hasText: "网络异常" }).waitFor();
    // The error is set in the mutation's callback; the button hears that the save ended in a
    // separate notification, a render later.
    await expect
      .poll(() => b.getByRole("button", { name: "全部保存" }).getAttribute("class"))
      .not.toContain("loading");
    expect(await cell(b, 0).inputValue()).toBe("95.1");
    expect(await stored(2022)).toEqual([]);

    // A reload (the guard asks first; the local draft brings the edits back).
    b.once("dialog", (d) => void d.accept());
    await b.reload();
    await b.getByTestId("draft-restored").waitFor();
    expect(await cell(b, 0).inputValue()).toBe("95.1");
    expect(await cell(b, 2).inputValue()).toBe("70.2");
    await expect(b.getByTestId("dirty-count").textContent()).resolves.toBe("2 项未保存");

    // Still offline: 重试 is offered; back online, 重试 saves.
    await b.getByRole("button", { name: "全部保存" }).click();
    const retry = b.getByRole("button", { name: "重试" });
    await retry.waitFor();
    // 重试 appears while the failed save may still count as pending (loading={save.isPending}), and
    // antd ignores a click on a loading button: wait until it is ready.
    await expect.poll(() => retry.getAttribute("class")).not.toContain("ant-btn-loading");
    await b.unroute("**/trpc/observations.upsertYear**");
    await retry.click();
    await b.getByText("已保存：新增 2 项").waitFor();
    expect((await stored(2022)).map((o) => o.value)).toEqual(
      expect.arrayContaining([
        { kind: "number", value: 95.1 },
        { kind: "number", value: 70.2 },
      ]),
    );
    // Saved: the local draft is gone, a reload shows no restore notice.
    await expect.poll(() => b.getByTestId("dirty-count").textContent()).toBe("没有未保存的修改");
    await b.reload();
    await valueCells(b, 2022).first().waitFor();
    await expect(b.getByTestId("draft-restored").count()).resolves.toBe(0);
  }, 120_000);

  it("Enter and arrows move between value cells and never save; an invalid cell is named and focused", async () => {
    await b.goto(`/#/plans/${planId}/entry?year=2023`);
    await valueCells(b, 2023).first().waitFor();
    await cell(b, 0).click();
    await b.keyboard.type("96.2");
    await b.keyboard.press("Enter");
    await expect(b.evaluate(() => document.activeElement?.getAttribute("data-entry-index"))).resolves.toBe(
      "1",
    );
    await b.keyboard.type("-5");
    await b.keyboard.press("ArrowDown");
    await b.keyboard.press("ArrowUp");
    await expect(b.evaluate(() => document.activeElement?.getAttribute("data-entry-index"))).resolves.toBe(
      "1",
    );
    // Tab stays in the value column: source and note are skipped unless asked for.
    await b.keyboard.press("Tab");
    await expect(b.evaluate(() => document.activeElement?.getAttribute("data-entry-index"))).resolves.toBe(
      "2",
    );
    expect(await stored(2023)).toEqual([]);
    await expect(b.getByTestId("dirty-count").textContent()).resolves.toBe("2 项未保存");

    // The invalid value is caught in the browser, named in the summary, and focused.
    await b.getByRole("button", { name: "全部保存" }).click();
    await b.getByTestId("save-error").filter({ hasText: "有 1 项填写有误" }).waitFor();
    await expect(b.evaluate(() => document.activeElement?.getAttribute("data-entry-index"))).resolves.toBe(
      "1",
    );
    expect(await stored(2023)).toEqual([]);
    await shot(b, "entry-keyboard-invalid");
    await b.getByRole("button", { name: "撤销修改" }).click();
    await b.getByRole("button", { name: "确定撤销" }).click();
    await expect.poll(() => b.getByTestId("dirty-count").textContent()).toBe("没有未保存的修改");
  }, 90_000);

  it("warns of an implausible year-on-year change in the cell, and notes that a note explains it", async () => {
    // 2022's 参保率 was saved as 95.1 above; 40 in 2023 is a fall of 55.1 points.
    await b.goto(`/#/plans/${planId}/entry?year=2023`);
    await valueCells(b, 2023).first().waitFor();
    await cell(b, 0).fill("40");
    const warning = b.getByTestId("cell-warning").first();
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toMatch(/由2022年的95\.1%变为40%.*超过10个百分点/);
    const label = (await cell(b, 0).getAttribute("aria-label"))!.replace(/ 2023年数值$/, "");
    await b.getByLabel(`${label} 备注`).fill("口径调整：剔除重复参保");
    await expect.poll(() => warning.textContent()).toContain("（已在备注中说明）");
    // A warning does not block a save.
    await b.getByRole("button", { name: "全部保存" }).click();
    await b.getByText("已保存：新增 1 项").waitFor();
    await shot(b, "entry-plausibility");
  }, 60_000);
});
