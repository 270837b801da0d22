import { readFile } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  type Harness,
  login,
  newContext,
  pick,
  requireChromium,
  shot,
  signedIn,
  startHarness,
} from "./harness.ts";

const runs = requireChromium("报告");

interface PlanRow {
  id: string;
  title: string;
  jurisdictionCode: string;
}

/** One entry of a zip file (docx), read through the central directory; no zip library needed. */
function zipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("不是 zip 文件");
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString("utf8", at + 46, at + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + nameLen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`zip 中没有 ${name}`);
}

describe.skipIf(!runs)("reports page end to end (real server, Chromium)", () => {
  let h: Harness;
  let admin: BrowserContext;
  let page: Page;
  let plan: PlanRow;

  beforeAll(async () => {
    h = await startHarness();
    ({ context: admin, page } = await signedIn(h));
    const list = await callApi<{ items: PlanRow[] }>(admin, "query", "plans.list", { pageSize: 50 });
    const found = list.items.find((p) => p.jurisdictionCode === "420200");
    if (!found) throw new Error("没有黄石市的规划（示例规划未导入？）");
    plan = found;
    // 2023 figure of 黄石市's 参保率 (target ≥97%), entered through the API as a reporter would.
    const inds = await callApi<{ id: string; name: string }[]>(admin, "query", "indicators.list", {
      planId: plan.id,
    });
    const coverage = inds.find((i) => i.name === "基本医疗保险参保率");
    if (!coverage) throw new Error("黄石市规划缺少“基本医疗保险参保率”");
    await callApi(admin, "mutation", "observations.upsertYear", {
      planId: plan.id,
      year: 2023,
      rows: [{ indicatorId: coverage.id, value: { kind: "number", value: 96.3 }, version: null }],
    });
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && page && !page.isClosed()) await shot(page, "failed-reports");
  });

  afterAll(async () => {
    await h?.close();
  });

  it("generates 黄石市's 2023 report as Markdown and downloads it", async () => {
    await page.goto("/#/reports");
    await page.getByRole("heading", { name: "报告" }).waitFor();
    await expect(page.getByRole("button", { name: "生成并下载" }).isDisabled()).resolves.toBe(true);
    await pick(page, "选择规划", plan.title, "黄石");
    await pick(page, "年度", "2023 年");
    await page.locator("label.ant-radio-button-wrapper", { hasText: "Markdown（.md）" }).click();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "生成并下载" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${plan.title.replace(/[《》]/g, "")}_2023年度监测报告.md`);
    const text = await readFile((await download.path())!, "utf8");
    expect(text).toContain(`${plan.title.replace(/[《》]/g, "")}2023年度实施情况监测报告`);
    const row = text.split("\n").find((l) => l.startsWith("|") && l.includes("基本医疗保险参保率")) ?? "";
    expect(row).toContain("96.3%");
    expect(text).toContain("基本医疗保险参保率2023年为96.3%");
    await page.getByText(`已生成：${download.suggestedFilename()}`).waitFor();
  }, 90_000);

  it("previews the HTML version in a sandboxed frame", async () => {
    await page.getByRole("button", { name: "预览" }).click();
    const frame = page.locator('iframe[title="报告预览"]');
    await frame.waitFor();
    await expect(frame.getAttribute("sandbox")).resolves.toBe("");
    await page.frameLocator('iframe[title="报告预览"]').getByText("基本医疗保险参保率").first().waitFor();
    await shot(page, "reports");
  }, 60_000);

  it("downloads the Word version of the mid-term review", async () => {
    await page.locator("label.ant-radio-button-wrapper", { hasText: "中期评估（2021–2023）" }).click();
    await page.locator("label.ant-radio-button-wrapper", { hasText: "Word（.docx）" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "生成并下载" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/_2021—2023年中期评估报告\.docx$/);
    const xml = zipEntry(await readFile((await download.path())!), "word/document.xml");
    const body = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(body).toContain(`${plan.title.replace(/[《》]/g, "")}实施中期评估报告`);
    expect(body).toContain("基本医疗保险参保率");
  }, 90_000);

  it("offers a 青阳县 user only readable plans, and the server refuses 南阳市's report", async () => {
    const list = await callApi<{ items: PlanRow[] }>(admin, "query", "plans.list", { pageSize: 50 });
    const nanyang = list.items.find((p) => p.jurisdictionCode === "411300");
    if (!nanyang) throw new Error("没有南阳市的规划（示例规划未导入？）");
    await callApi(admin, "mutation", "users.create", {
      username: "qy-reports",
      displayName: "青阳填报",
      role: "reporter",
      jurisdictionCode: "341723",
      password: "Qingyang-报告-2026",
    });
    const ctx = await newContext(h);
    const p = await ctx.newPage();
    await login(p, "qy-reports", "Qingyang-报告-2026");
    await p.goto("/#/reports");
    const box = p.getByRole("combobox", { name: "选择规划", exact: true });
    await box.click();
    await box.fill("南阳");
    await p.getByText("没有符合条件的规划").waitFor();
    await expect(
      callApi(ctx, "mutation", "reports.generate", {
        planId: nanyang.id,
        year: 2023,
        kind: "annual",
        format: "md",
      }),
    ).rejects.toThrow(/无权查看南阳市的数据/);
    await ctx.close();
  }, 90_000);
});
