import { readSamplePlan } from "@ybplan/samples";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { callApi, type Harness, requireChromium, settled, shot, signedIn, startHarness } from "./harness.ts";

const runs = requireChromium("待遇政策");

/** 黄石's 发展基础 paragraph with the 2020 table of 起付线 and 报销比例 (line 93 of the sample). */
const huangshiParagraph = () =>
  readSamplePlan("hubei-huangshi-city")
    .split("\n")
    .find((l) => l.includes("住院起付线稳定在200元"))!;

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(
  page: Page,
  label: string,
  date: string,
  scope: Page | ReturnType<Page["locator"]> = page,
) {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press("Enter");
}

/**
 * Chooses `option` in the n-th antd Select labelled `label` inside `scope`, and waits for its list to
 * close. A click that lands while the list is still sliding in is lost on a loaded machine: the
 * choice is checked on the select itself and the click repeated until it holds.
 */
async function choose(
  page: Page,
  scope: ReturnType<Page["locator"]>,
  label: string,
  n: number,
  option: string,
) {
  const select = scope.getByLabel(label, { exact: true }).nth(n);
  const box = select.locator(
    "xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
  );
  const chosen = async () => ((await box.textContent()) ?? "").includes(option);
  const openList = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").last();
  await expect
    .poll(
      async () => {
        if (await chosen()) return true;
        if (!(await openList.isVisible())) await select.click({ force: true });
        await openList
          .locator(".ant-select-item-option", { hasText: option })
          .first()
          .click({ timeout: 5_000 })
          .catch(() => undefined);
        return chosen();
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBe(true);
  await expect
    .poll(() => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden):visible").count())
    .toBe(0);
}

const inForceRow = (page: Page, label: string) =>
  page.locator("tr:visible", { has: page.getByRole("cell", { name: label, exact: true }) });

describe.skipIf(!runs)("policies screen end to end (real server, Chromium)", () => {
  let h: Harness;
  let admin: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    ({ context: admin, page } = await signedIn(h));
    // 黄石 pools 城乡居民医保 at city level; 阳新县 is one of its counties.
    await callApi(admin, "mutation", "jurisdictions.create", {
      code: "420222",
      name: "阳新县",
      level: "county",
      parentCode: "420200",
    }).catch(() => undefined);
    await callApi(admin, "mutation", "policies.setPoolingArea", {
      jurisdictionCode: "420200",
      scheme: "resident",
      level: "city",
      version: null,
    });
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== "fail" || !page) return;
    await shot(
      page,
      `failed-policies-${ctx.task.name.slice(0, 30).replace(/[^\w\u4e00-\u9fff]+/g, "-")}`,
    ).catch(() => undefined);
  });

  it("confirms 黄石's proposed 2020 table: the person chooses the scheme the text leaves open, then saves", async () => {
    await page.goto("/#/policies?j=420200");
    await page.getByRole("button", { name: "新增政策文件" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("文件标题").fill("黄石市基本医疗保险市级统筹实施办法");
    await dialog.getByLabel("文号").fill("黄政规〔2020〕1号");
    await dialog.getByLabel("发文机关").fill("黄石市人民政府");
    await pickDate(page, "生效日期", "2020-01-01", dialog);
    await dialog.getByText("从规划文本识别参数").click();
    // The panel slides open; a click on 识别 during the slide was lost in 2 of 5 fresh-clone runs.
    await settled(page);
    await dialog.getByLabel("规划文本").fill(huangshiParagraph());
    await dialog.getByRole("button", { name: "识别", exact: true }).click();
    // The first reading loads the importer in the server; either outcome is on screen, so a
    // failure names what the page said.
    const outcome = dialog.getByText(/识别出\d+项参数|识别失败/).first();
    await outcome.waitFor({ timeout: 60_000 });
    expect(await outcome.textContent()).toContain("识别出9项参数，其中3项原文未写明险种，请选择");
    // Saving before the scheme is chosen is refused in the form, naming the rows.
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await dialog.getByText("参数表第1、2、3行尚未填写险种或数值").waitFor();
    for (let i = 0; i < 3; i++) await choose(page, dialog, "险种", i, "城乡居民医保");
    await shot(page, "policies-proposals");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await pickDate(page, "执行日期", "2022-06-30");
    await inForceRow(page, "城乡居民医保三级医疗机构住院报销比例").getByText("60%").waitFor();
    await inForceRow(page, "城乡居民医保一级医疗机构住院起付线").getByText("200元").waitFor();
    const stored = await callApi<unknown[]>(admin, "query", "policies.inForce", {
      jurisdictionCode: "420200",
      date: "2022-06-30",
    });
    expect(stored).toHaveLength(9);
  });

  it("adds a 2023 document raising 居民 三级 to 65 %; the table differs on 2022-06-30 and 2024-06-30", async () => {
    await page.getByRole("button", { name: "新增政策文件" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("文件标题").fill("关于调整城乡居民医保住院待遇的通知");
    await dialog.getByLabel("文号").fill("黄医保发〔2023〕5号");
    await dialog.getByLabel("发文机关").fill("黄石市医疗保障局");
    await pickDate(page, "生效日期", "2023-01-01", dialog);
    await dialog.getByRole("button", { name: "添加参数" }).click();
    await choose(page, dialog, "险种", 0, "城乡居民医保");
    await choose(page, dialog, "医疗机构级别", 0, "三级医疗机构");
    await dialog.getByLabel("第1行数值").fill("65");
    // Without naming the document it amends, the overlap is refused naming the 2020 document (and
    // the row and column at fault, in the grid's words).
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await dialog
      .getByText(
        /参数表第1行数值：城乡居民医保三级医疗机构住院报销比例与《黄石市基本医疗保险市级统筹实施办法》（黄政规〔2020〕1号）自2023年1月1日起的规定重叠/,
      )
      .waitFor();
    await choose(page, dialog, "替代文件", 0, "黄石市基本医疗保险市级统筹实施办法");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await dialog.waitFor({ state: "hidden" });
    await inForceRow(page, "城乡居民医保三级医疗机构住院报销比例").getByText("60%").waitFor();
    await shot(page, "policies-2022");
    await pickDate(page, "执行日期", "2024-06-30");
    await inForceRow(page, "城乡居民医保三级医疗机构住院报销比例").getByText("65%").waitFor();
    await inForceRow(page, "城乡居民医保二级医疗机构住院报销比例").getByText("75%").waitFor();
    await shot(page, "policies-2024");
    // The table in force on that date downloads as an .xlsx workbook (a zip).
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出现行参数" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("黄石市现行待遇参数_2024-06-30.xlsx");
    const { readFileSync } = await import("node:fs");
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    // The register finds both by 文号 or title.
    await page.getByRole("tab", { name: "政策文件" }).click();
    await page.getByLabel("搜索政策文件").fill("黄医保发");
    await page.getByLabel("搜索政策文件").press("Enter");
    await page.getByRole("cell", { name: "关于调整城乡居民医保住院待遇的通知" }).waitFor();
    await expect(
      page.getByRole("cell", { name: "黄石市基本医疗保险市级统筹实施办法" }).count(),
    ).resolves.toBe(0);
  });

  it("shows a parameter's history as steps, and edits a document's grid in its drawer", async () => {
    await page.getByRole("tab", { name: "现行参数" }).click();
    await inForceRow(page, "城乡居民医保三级医疗机构住院报销比例")
      .getByRole("button", { name: "变化" })
      .click();
    const modal = page.getByRole("dialog");
    await modal.getByRole("img", { name: "城乡居民医保三级医疗机构住院报销比例变化" }).waitFor();
    const steps = modal.locator("tbody tr");
    await expect
      .poll(() => steps.allInnerTexts())
      .toEqual([
        expect.stringMatching(/2020-01-01\s+2022-12-31\s+60%\s+《黄石市基本医疗保险市级统筹实施办法》/),
        expect.stringMatching(/2023-01-01\s+—\s+65%\s+《关于调整城乡居民医保住院待遇的通知》/),
      ]);
    await shot(page, "policies-history");
    await page.keyboard.press("Escape");
    await modal.waitFor({ state: "hidden" });
    // The 2020 document's grid: 职工 一级 from 90 % to 91 %.
    await page.getByRole("tab", { name: "政策文件" }).click();
    await page.getByLabel("搜索政策文件").fill("");
    await page.getByLabel("搜索政策文件").press("Enter");
    await page.getByRole("button", { name: "黄石市基本医疗保险市级统筹实施办法" }).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByLabel("第4行数值").fill("91");
    await drawer.getByRole("button", { name: "保存参数表" }).click();
    await page.getByText("已保存").first().waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("tab", { name: "现行参数" }).click();
    await inForceRow(page, "职工医保一级医疗机构住院报销比例").getByText("91%").waitFor();
    // The other rows of the document kept their values.
    await inForceRow(page, "城乡居民医保一级医疗机构住院起付线").getByText("200元").waitFor();
  });

  it("shows the finding for a county set to differ, and the sentence about the change", async () => {
    await callApi(admin, "mutation", "policies.create", {
      title: "阳新县城乡居民医保补充规定",
      issuer: "阳新县医疗保障局",
      jurisdictionCode: "420222",
      effectiveFrom: "2021-01-01",
      parameters: [
        { kind: "reimbursementRatio", scheme: "resident", service: "inpatient", level: "level3", value: 62 },
      ],
    });
    // Written outside this page (as another user would): reload to read it.
    await page.reload();
    await page.getByRole("tab", { name: "核查结果" }).click();
    await page
      .getByText(
        "阳新县城乡居民医保三级医疗机构住院报销比例为62%（《阳新县城乡居民医保补充规定》），与黄石市（市级统筹）的65%不一致。",
      )
      .waitFor();
    await page.getByText("黄石市：城乡居民医保市级统筹").waitFor();
    await shot(page, "policies-findings");
    await page.getByRole("tab", { name: "调整情况" }).click();
    await pickDate(page, "比较起始日期", "2022-06-30");
    await page
      .getByText(
        "城乡居民医保三级医疗机构住院报销比例由60%调整为65%（自2023年1月1日起，依据《关于调整城乡居民医保住院待遇的通知》（黄医保发〔2023〕5号））。",
      )
      .waitFor();
    await shot(page, "policies-changes");
  });
});
