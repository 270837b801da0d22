import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, type Harness, requireChromium, shot, signedIn, startHarness } from "./harness.ts";

const runs = requireChromium("集中带量采购");

/** Uploads `text` as a CSV through the import tab's file input. */
async function uploadCsv(page: Page, name: string, text: string) {
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

/** Picks what to import (antd radio buttons hide the input; click the label). */
async function chooseKind(page: Page, label: string) {
  await page.locator("label.ant-radio-button-wrapper", { hasText: label }).click();
}

describe.skipIf(!runs)("procurement screens end to end (real server, Chromium)", () => {
  let h: Harness;
  let admin: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    ({ context: admin, page } = await signedIn(h));
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it("lists the national reference batches seeded on first start, count-only ones marked", async () => {
    expect(await callApi<unknown[]>(admin, "query", "procurement.batches.list", {})).toHaveLength(18);
    // Loading them again adds nothing: the seed already holds every shipped batch.
    await page.goto("/#/procurement?tab=import");
    await page.getByRole("button", { name: "载入国家批次参考数据" }).click();
    await page.getByText("国家批次参考数据已是最新").waitFor();
    await page.getByRole("tab", { name: "采购批次" }).click();
    await page.getByRole("button", { name: "第三批", exact: true }).waitFor();
    const row = page.locator("tr", { has: page.getByRole("button", { name: "第三批", exact: true }) });
    await row.getByText("仅数量").waitFor();
    await page.getByRole("button", { name: "第一批高值耗材（冠脉支架）" }).click();
    await page.getByRole("heading", { name: "第一批高值耗材（冠脉支架）" }).waitFor();
    await page.getByRole("cell", { name: "冠脉支架", exact: true }).waitFor();
    await shot(page, "procurement-batch-detail");
  }, 60_000);

  it("shows row errors of a bad file and saves nothing, then imports the corrected file", async () => {
    await page.goto("/#/procurement?tab=import");
    const bad =
      "层级,批次名称,公布日期,类别,参与省份\n省级,湖北省第一批,2021-03-15,药品,420000\n省级,湖北省第二批,2021-13,药,420000\n";
    await uploadCsv(page, "批次.csv", bad);
    await page.getByText("发现2处问题，文件未保存").waitFor();
    await page.getByRole("cell", { name: "日期“2021-13”无效，应为 YYYY-MM-DD 或 YYYY-MM" }).waitFor();
    await shot(page, "procurement-import-errors");
    const before = await callApi<unknown[]>(admin, "query", "procurement.batches.list", {});
    expect(before).toHaveLength(18);

    await uploadCsv(
      page,
      "批次.csv",
      "层级,批次名称,公布日期,类别,参与省份\n省级,湖北省第一批,2021-03-15,药品,420000\n",
    );
    await page.getByText("已导入1条批次").waitFor();
    await chooseKind(page, "品种（批次的品种清单）");
    await uploadCsv(
      page,
      "品种.csv",
      "批次名称,品种名称\n湖北省第一批,恩替卡韦分散片\n湖北省第一批,注射用培美曲塞二钠\n",
    );
    await page.getByText("已导入2条品种").waitFor();
  }, 60_000);

  it("charts 黄石市's cumulative count from Hubei's records: 112 at the end of 2020", async () => {
    await page.goto("/#/procurement?tab=import");
    await chooseKind(page, "执行记录");
    const records = [
      "批次名称,行政区划代码,执行日期",
      "第一批扩围,420000,2019-12-01",
      "第二批,420000,2020-04-01",
      "第三批,420000,2020-11-01",
      "湖北省第一批,420000,2021-06-01",
    ].join("\n");
    await uploadCsv(page, "执行.csv", records);
    await page.getByText("已导入4条执行记录").waitFor();

    await page.goto("/#/procurement?tab=progress&j=420200");
    await page.getByRole("img", { name: "药品集中带量采购累计数量与规划目标对比图" }).waitFor();
    await page.getByText("结果含估算").waitFor();
    const series = await callApi<{ points: { year: number; value: number }[] }>(
      admin,
      "query",
      "procurement.counts.series",
      {
        jurisdictionCode: "420200",
        category: "drug",
        fromYear: 2020,
        toYear: 2021,
      },
    );
    expect(series.points.map((p) => p.value)).toEqual([112, 114]);
    await page.getByRole("cell", { name: "湖北省第一批" }).waitFor();
    // The chart's <svg> is drawn once ECharts (its own chunk) has loaded.
    await expect.poll(() => page.locator('[role="img"] svg').count()).toBeGreaterThan(0);
    await shot(page, "procurement-progress");

    await page.goto("/#/procurement?tab=implementations&j=420200");
    await page.getByText("上级执行（湖北省）").first().waitFor();
    await shot(page, "procurement-implementations");
  }, 60_000);
});
