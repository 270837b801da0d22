import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, type Harness, requireChromium, shot, signedIn, startHarness } from "./harness.ts";

const runs = requireChromium("信用评价");

async function uploadCsv(page: Page, name: string, text: string) {
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

const header = "企业编码,企业名称,评价省份代码,失信事项,案号,涉案金额（元）,认定日期,案件来源\n";

describe.skipIf(!runs)("credit screens end to end (real server, Chromium)", () => {
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

  it("lists row problems of a bad file, saves nothing, then imports the corrected file", async () => {
    await page.goto("/#/credit?tab=events");
    await uploadCsv(
      page,
      "事项.csv",
      `${header}YTF,云南同丰医药有限公司,530000,行贿,（2021）云01刑初1号,60万,2022-05-10,法院判决\n`,
    );
    await page.getByText("文件有1处问题，未导入任何记录").waitFor();
    await page.getByRole("cell", { name: "无法识别的失信事项“行贿”" }).waitFor();
    await shot(page, "credit-import-errors");
    expect(await callApi<unknown[]>(admin, "query", "credit.companies.events", { limit: 10 })).toHaveLength(
      0,
    );

    await uploadCsv(
      page,
      "事项.csv",
      `${header}YTF,云南同丰医药有限公司,530000,医药商业贿赂,（2021）云01刑初1号,60万,2022-05-10,法院判决\n`,
    );
    await page.getByText("已导入1条").waitFor();
    await page.getByRole("cell", { name: "（2021）云01刑初1号" }).waitFor();
  }, 60_000);

  it("rates the quarter and shows the level with its reason and the company's history", async () => {
    await page.goto("/#/credit?tab=ratings&quarter=2022Q2");
    await page.getByRole("button", { name: "重新评级本季度" }).click();
    await page.getByText("已评级1家（有失信等级1家）").waitFor();
    await page.getByRole("cell", { name: "严重：累计行贿60万元，达到2020版裁量基准50万元档" }).waitFor();
    await shot(page, "credit-ratings");
    await page.locator("a", { hasText: "云南同丰医药有限公司" }).click();
    await page.getByText("企业信用评级历史").waitFor();
    await page.getByRole("dialog").getByText("2022年第2季度").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "hidden" });
  }, 60_000);

  it("shows the institution rule sets with their sources", async () => {
    await page.goto("/#/credit?tab=rules");
    await page.getByText("广东省医疗保障信用评价（征求意见稿）").waitFor();
    await page.getByText("征求意见稿", { exact: true }).waitFor();
    await page.getByText("A：得分≥900（暂定）").waitFor();
    await shot(page, "credit-rules");
  }, 60_000);
});
