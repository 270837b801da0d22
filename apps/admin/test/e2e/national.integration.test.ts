import { lastCompleteYear } from "@ybplan/domain/common";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, type Harness, requireChromium, settled, shot, signedIn, startHarness } from "./harness.ts";

/**
 * The 全国 first screen: the administrator (no jurisdiction) lands on one row per province with
 * 全国合计 on top; 湖北省 counts 黄石市's plan and shows the open window's completeness; a
 * province without plans reads 暂无规划; a click on 湖北省 opens its subtree view.
 */
const run = requireChromium("全国首页");
/** The year the overview opens on. */
const YEAR = lastCompleteYear();

describe.runIf(run)("全国首页", () => {
  let h: Harness;
  let ctx: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    ({ context: ctx, page } = await signedIn(h));
    // 湖北省's window for the year: its plans are counted 未提交 until the deadline.
    await callApi(ctx, "mutation", "cycle.openWindow", {
      year: YEAR,
      rootCode: "420000",
      deadline: "2099-02-28",
    });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const rowOf = (name: string) =>
    page.getByTestId("national-summary").locator("tbody tr.ant-table-row", { hasText: name });
  const cells = async (name: string) =>
    (await rowOf(name).locator("td").allTextContents()).map((t) => t.trim());

  it("shows 全国合计, 湖北省 with 黄石's plan, a province without plans, and opens 湖北省", async () => {
    // Signing in opened the overview before the window existed: load it afresh.
    await page.reload();
    await page.getByRole("heading", { name: "监测总览 · 全国" }).waitFor();
    await rowOf("湖北省").waitFor();
    await settled(page);
    await shot(page, "national");

    // 全国合计 is the first row and counts every sample plan in force.
    const plans = await callApi<{ items: { jurisdictionCode: string }[] }>(ctx, "query", "plans.list", {
      pageSize: 50,
    });
    const firstRow = await page
      .getByTestId("national-summary")
      .locator("tbody tr.ant-table-row")
      .first()
      .textContent();
    expect(firstRow?.startsWith("全国合计")).toBe(true);
    expect((await cells("全国合计"))[1]).toBe(String(plans.items.length));

    // 湖北省: its only plan is 黄石市's (420200), inside the open window and not yet submitted.
    expect(
      plans.items.filter((p) => p.jurisdictionCode.startsWith("42")).map((p) => p.jurisdictionCode),
    ).toEqual(["420200"]);
    const hubei = await cells("湖北省");
    expect(hubei[1]).toBe("1");
    expect(hubei.slice(-6)).toEqual(["0", "0", "1", "0", "0", "2099-02-28"]);

    // 北京市 has no plan: 暂无规划, no verdict counts, no rate.
    const beijing = await cells("北京市");
    expect(beijing[1]).toBe("暂无规划");
    expect(beijing.join(" ")).not.toMatch(/%|\d/);
    // 湖南省 has a plan but no window: completeness is not invented.
    expect((await cells("湖南省")).join(" ")).toContain("未开放填报");

    await rowOf("湖北省").getByRole("button", { name: "湖北省" }).click();
    await page.getByRole("heading", { name: "监测总览 · 湖北省" }).waitFor();
    await page.getByTestId("evaluation-table").waitFor();
    await page
      .getByText(/黄石市.*·\s*\d{4}年评估/)
      .first()
      .waitFor({ state: "visible" });
    expect(page.url()).toContain("j=420000");
  }, 60_000);
});
