/**
 * A county's plan kept by hand, in a real browser against the real server: an administrator
 * adds 石台县 under 池州市, creates its plan with two indicators, a department list and a task
 * assigned to a lead unit with a deadline, attaches a PDF (an executable renamed .pdf is
 * refused), and sees the task overdue once the browser's fixed clock passes the deadline.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN_PASSWORD,
  callApi,
  type Harness,
  login,
  newContext,
  pick,
  requireChromium,
  shot,
  startHarness,
} from "./harness.ts";

const runs = requireChromium("任务与行政区划");

const PLAN_TITLE = "石台县“十四五”医疗保障事业发展规划";
const TASK_TITLE = "全面推进DRG/DIP支付方式改革";
const BEFORE_DEADLINE = new Date("2024-06-15T10:00:00+08:00");
const AFTER_DEADLINE = new Date("2024-07-01T09:00:00+08:00");
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);
const exe = Buffer.from(
  "MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00This program cannot be run in DOS mode.",
  "latin1",
);

const taskRow = (page: Page) =>
  page.locator("tr", { has: page.getByText(TASK_TITLE, { exact: false }) }).first();

describe.skipIf(!runs)(
  "jurisdictions, plans by hand and work items end to end (real server, Chromium)",
  () => {
    let h: Harness;
    let ctx: BrowserContext;
    let page: Page;
    let planId: string;

    beforeAll(async () => {
      h = await startHarness();
      ctx = await newContext(h);
      // The browser's clock decides "today" for overdue; fixed before the deadline.
      await ctx.clock.setFixedTime(BEFORE_DEADLINE);
      page = await ctx.newPage();
      await login(page, "admin", ADMIN_PASSWORD);
    }, 180_000);

    afterEach(async (c) => {
      if (c.task.result?.state === "fail" && page && !page.isClosed())
        await shot(page, `failed-work-${c.task.name.slice(0, 30)}`);
    });

    afterAll(async () => {
      await h?.close();
    });

    it("adds a county under its city; a taken code is refused on its field", async () => {
      await page.goto("/#/jurisdictions?j=341700");
      await page.getByText("池州市的下级行政区划").waitFor();
      await page.getByRole("cell", { name: "青阳县" }).waitFor();
      await page.getByRole("button", { name: "新增下级" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("行政区划代码").fill("341723");
      await dialog.getByLabel("名称").fill("石台县");
      await dialog.getByRole("button", { name: "保存" }).click();
      await dialog.getByText("行政区划代码：“341723”已被青阳县使用").waitFor();
      await dialog.getByLabel("行政区划代码").fill("341722");
      await dialog.getByRole("button", { name: "保存" }).click();
      await page.getByRole("cell", { name: "石台县" }).waitFor();
      await shot(page, "jurisdictions-county-added");
      const children = await callApi<Array<{ code: string; name: string; level: string }>>(
        ctx,
        "query",
        "jurisdictions.children",
        {
          parentCode: "341700",
        },
      );
      expect(children.map((c) => [c.code, c.name, c.level])).toEqual([
        ["341722", "石台县", "county"],
        ["341723", "青阳县", "county"],
      ]);
    });

    it("creates the county's plan by hand and adds two indicators with the inline editor", async () => {
      await page.goto("/#/plans/new?j=341722");
      await page.getByRole("heading", { name: "新建规划" }).waitFor();
      await page.getByLabel("规划名称").fill(PLAN_TITLE);
      await page.getByLabel("发文机关").fill("石台县医疗保障局");
      await page.getByRole("button", { name: "保存并录入指标" }).click();
      await page.getByRole("heading", { name: PLAN_TITLE }).waitFor();
      planId = /#\/plans\/([0-9a-f-]{36})/.exec(page.url())![1]!;
      const indicators = [
        { name: "基本医疗保险参保率", unit: "%", baseline: "96.5", target: "≥96%" },
        { name: "医保电子凭证激活率", unit: "%", baseline: "30", target: "≥60%" },
      ];
      for (const ind of indicators) {
        await page.getByRole("button", { name: "添加指标" }).click();
        await page.getByLabel("类别", { exact: true }).fill("参保");
        await page.getByLabel("指标名称", { exact: true }).fill(ind.name);
        await page.getByLabel("单位", { exact: true }).fill(ind.unit);
        await page.getByLabel("基期值", { exact: true }).fill(ind.baseline);
        await page.getByLabel("目标值", { exact: true }).fill(ind.target);
        await page.getByRole("button", { name: "保存", exact: true }).click();
        // The editing row's input already gives a cell this name: wait for the row to close.
        await page.getByLabel("指标名称", { exact: true }).waitFor({ state: "detached" });
        await page.getByRole("cell", { name: ind.name }).waitFor();
      }
      const list = await callApi<Array<{ name: string; target: { text: string } }>>(
        ctx,
        "query",
        "indicators.list",
        { planId },
      );
      expect(list.map((i) => [i.name, i.target.text])).toEqual(indicators.map((i) => [i.name, i.target]));
      const plan = await callApi<{ jurisdictionCode: string; periodStart: number; periodEnd: number }>(
        ctx,
        "query",
        "plans.get",
        { id: planId },
      );
      expect(plan).toMatchObject({ jurisdictionCode: "341722", periodStart: 2021, periodEnd: 2025 });
    });

    it("keeps the county's department list and assigns a task to a lead unit with a deadline", async () => {
      await page.goto("/#/work?j=341722");
      for (const name of ["县医疗保障局", "县卫生健康委员会"]) {
        await page.getByLabel("部门名称").fill(name);
        await page.getByRole("button", { name: "添加部门" }).click();
        await page.locator(".ant-tag", { hasText: name }).waitFor();
      }
      await page.goto(`/#/plans/${planId}?tab=tasks`);
      await page.getByRole("button", { name: "新增任务" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("编号").fill("（一）");
      await dialog.getByLabel("标题").fill(TASK_TITLE);
      await pick(page, "牵头单位", "县医疗保障局");
      // Outside the plan period: refused on the field.
      await dialog.getByLabel("截止日期").fill("2026-06-30");
      await dialog.getByRole("button", { name: "保存" }).click();
      await dialog.getByText("截止日期须在规划期内（2021年1月1日至2025年12月31日）").waitFor();
      await dialog.getByLabel("截止日期").fill("2024-06-30");
      await dialog.getByRole("button", { name: "保存" }).click();
      await dialog.waitFor({ state: "hidden" });
      const row = taskRow(page);
      await row.getByText("县医疗保障局").waitFor();
      await row.getByText("2024-06-30").waitFor();
      expect(await row.getByText("逾期").count()).toBe(0);
    });

    it("attaches a PDF as evidence; an executable renamed .pdf is refused", async () => {
      await taskRow(page)
        .getByRole("button", { name: `${TASK_TITLE} 佐证材料` })
        .click();
      const dialog = page.getByRole("dialog", { name: /佐证材料/ });
      await dialog.getByText("暂无佐证材料").waitFor();
      const input = dialog.locator('input[type="file"]');
      await input.setInputFiles({ name: "程序.pdf", mimeType: "application/pdf", buffer: exe });
      await page.getByText("附件：文件内容是可执行程序，不能作为佐证材料上传").waitFor();
      await input.setInputFiles({ name: "DRG改革自查报告.pdf", mimeType: "application/pdf", buffer: pdf });
      await dialog.getByRole("cell", { name: "DRG改革自查报告.pdf" }).waitFor();
      await shot(page, "work-item-attachment");
      const tasks = await callApi<Array<{ id: string; title: string }>>(ctx, "query", "tasks.list", {
        planId,
      });
      const files = await callApi<Array<{ fileName: string; kind: string; sizeBytes: number }>>(
        ctx,
        "query",
        "attachments.list",
        {
          taskId: tasks.find((t) => t.title === TASK_TITLE)!.id,
        },
      );
      expect(files).toEqual([
        expect.objectContaining({ fileName: "DRG改革自查报告.pdf", kind: "pdf", sizeBytes: pdf.length }),
      ]);
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
    });

    it("shows the task overdue once the clock passes the deadline, on the plan and in the planner's view", async () => {
      await ctx.clock.setFixedTime(AFTER_DEADLINE);
      await page.goto(`/#/plans/${planId}?tab=tasks`);
      await page.reload();
      await taskRow(page).getByText("逾期").waitFor();
      await page.goto("/#/work?j=341722");
      await page.reload();
      await page.getByText("今天：2024-07-01").waitFor();
      const card = page.locator(".ant-card", { hasText: "县医疗保障局" }).filter({ hasText: TASK_TITLE });
      await card.getByText("逾期 1 项").waitFor();
      await shot(page, "work-by-unit-overdue");
      // Completed work is no longer overdue.
      await page.goto(`/#/plans/${planId}?tab=tasks`);
      await page.reload();
      await pick(page, `${TASK_TITLE} 状态`, "已完成");
      await page.getByText("逾期").waitFor({ state: "detached" });
    });
  },
);
