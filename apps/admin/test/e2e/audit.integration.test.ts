import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callApi,
  type Harness,
  login,
  newContext,
  requireChromium,
  shot,
  signedIn,
  startHarness,
} from "./harness.ts";

const runs = requireChromium("审计日志");

/** 审计日志 in the browser: "who changed 黄石's 2024 参保率" answered by name, in Chinese, in Beijing time. */
describe.skipIf(!runs)("audit log page (real server, Chromium)", () => {
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

  it("finds who changed 黄石's 2024 参保率 with the plan, indicator and year filters", async () => {
    const plans = await callApi<{ items: { id: string; jurisdictionCode: string; title: string }[] }>(
      admin,
      "query",
      "plans.list",
      { jurisdictionCode: "420200", pageSize: 5 },
    );
    const plan = plans.items[0]!;
    const indicators = await callApi<{ id: string; name: string }[]>(admin, "query", "indicators.list", {
      planId: plan.id,
    });
    const indicator = indicators.find((i) => i.name === "基本医疗保险参保率")!;
    await callApi(admin, "mutation", "users.create", {
      username: "hs-clerk",
      displayName: "黄石填报员甲",
      role: "reporter",
      jurisdictionCode: "420200",
      password: "Huangshi-填报-2026",
    });
    const clerk = await newContext(h);
    const clerkPage = await clerk.newPage();
    await login(clerkPage, "hs-clerk", "Huangshi-填报-2026");
    await callApi(clerk, "mutation", "observations.upsertYear", {
      planId: plan.id,
      year: 2024,
      rows: [
        {
          indicatorId: indicator.id,
          value: { kind: "number", value: 96.8 },
          source: "医保结算系统",
          version: null,
        },
      ],
    });
    await clerk.close();

    await page.goto(`/#/audit?planId=${plan.id}&indicatorId=${indicator.id}&year=2024`);
    const row = page.locator("tr.ant-table-row", { hasText: "黄石填报员甲" }).first();
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain(`黄石市 · 基本医疗保险参保率 · 2024`);
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("新增");
    expect(text).toContain("监测数据");
    // Beijing time, to the second, without the UTC "T…Z" form.
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    expect(text).not.toMatch(/T\d{2}:\d{2}.*Z/);
    // Only 2024's rows of that one indicator are listed.
    const all = await page.locator("tr.ant-table-row").allInnerTexts();
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((t) => !t.includes("基本医疗保险参保率 · 2024"))).toEqual([]);
    // The change, field by field in Chinese.
    await row.locator(".ant-table-row-expand-icon").click();
    const detail = page.locator(".ant-table-expanded-row").first();
    await detail.waitFor();
    const changes = (await detail.textContent()) ?? "";
    expect(changes).toContain("数值");
    expect(changes).toContain("96.8");
    expect(changes).toContain("数据来源");
    expect(changes).not.toContain("valueNumber");
    expect(changes).not.toContain(indicator.id);
    await shot(page, "audit-value-history");
  });
});
