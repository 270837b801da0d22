/**
 * Work indicators (工作指标) in a real browser against the real server: 青阳's planner opens the
 * plan, sees 专栏2 (1)'s two staged proposals, confirms the DRG coverage one (a stage outside the
 * period is refused on its field first); a clerk enters 2023 = 81 % for it in the yearly grid; the
 * plan's evaluation judges it 进展顺利 against the 2023 stage (≥80 %), listed apart from the main
 * indicators, whose count is unchanged. The new tab passes axe (no critical/serious violation).
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeFindings, structureFindings } from "./axe.ts";
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

const runs = requireChromium("工作指标");

const QINGYANG = "341723";
const COVERAGE = "DRG付费医疗机构病种覆盖率";
const SHARE = "DRG付费医保基金支出占统筹区内住院医保基金支出比例";

interface PlanCounts {
  counts: { indicators: number; workIndicators: number };
}
interface Matrix {
  counts: Record<string, number>;
  rows: { indicatorId: string }[];
  work: { name: string; verdict: string; inputs: { targetValue: number | null; actual: number | null } }[];
}

describe.skipIf(!runs)("work indicators end to end (real server, Chromium)", () => {
  let h: Harness;
  let adminCtx: BrowserContext;
  let plannerCtx: BrowserContext;
  let clerkCtx: BrowserContext;
  let planner: Page;
  let clerk: Page;
  let planId: string;
  let mainBefore: number;

  beforeAll(async () => {
    h = await startHarness();
    adminCtx = await newContext(h);
    await login(await adminCtx.newPage(), "admin", ADMIN_PASSWORD);
    const plans = await callApi<{ items: { id: string; jurisdictionCode: string }[] }>(
      adminCtx,
      "query",
      "plans.list",
      { pageSize: 50 },
    );
    planId = plans.items.find((p) => p.jurisdictionCode === QINGYANG)!.id;
    for (const [username, role, password] of [
      ["qy-planner", "planner", "Qingyang-规划-2026"],
      ["qy-clerk", "reporter", "Qingyang-填报-2026"],
    ] as const) {
      await callApi(adminCtx, "mutation", "users.create", {
        username,
        password,
        displayName: username === "qy-planner" ? "青阳规划编辑" : "青阳填报员",
        role,
        jurisdictionCode: QINGYANG,
      });
    }
    mainBefore = (await callApi<PlanCounts>(adminCtx, "query", "plans.get", { id: planId })).counts
      .indicators;
    plannerCtx = await newContext(h);
    planner = await plannerCtx.newPage();
    await login(planner, "qy-planner", "Qingyang-规划-2026");
    clerkCtx = await newContext(h);
    clerk = await clerkCtx.newPage();
    await login(clerk, "qy-clerk", "Qingyang-填报-2026");
  }, 180_000);

  afterEach(async (c) => {
    if (c.task.result?.state !== "fail") return;
    for (const [who, p] of [
      ["planner", planner],
      ["clerk", clerk],
    ] as const)
      if (p && !p.isClosed()) await shot(p, `failed-work-indicators-${who}`);
  });

  afterAll(async () => {
    await h?.close();
  });

  const proposalRow = (p: Page, name: string) =>
    p.locator("tr.ant-table-row", { has: p.getByRole("cell", { name, exact: true }) }).first();

  it("the planner sees 专栏2 (1)'s two proposals with their stages; a clerk sees them without 确认", async () => {
    await planner.goto(`/#/plans/${planId}?tab=work-indicators`);
    const coverage = proposalRow(planner, COVERAGE);
    await coverage.waitFor();
    await expect(coverage.textContent()).resolves.toContain("专栏2（1）医保基金总额预算管理");
    await expect(coverage.textContent()).resolves.toContain("2022年 ≥70%；2023年 ≥80%；2024年 ≥90%");
    await expect(proposalRow(planner, SHARE).textContent()).resolves.toContain(
      "2022年 ≥30%；2023年 ≥50%；2024年 ≥70%",
    );
    await planner.getByText("尚未确认工作指标").waitFor();
    await shot(planner, "work-indicators");

    await clerk.goto(`/#/plans/${planId}?tab=work-indicators`);
    await proposalRow(clerk, COVERAGE).waitFor();
    expect(await clerk.getByRole("button", { name: `确认 ${COVERAGE}` }).count()).toBe(0);
    await expect(proposalRow(clerk, COVERAGE).textContent()).resolves.toContain("待确认");
  });

  it("the new tab passes axe for the planner, also with the 确认 dialog open", async () => {
    const findings = [...(await structureFindings(planner)), ...(await axeFindings(planner))];
    await planner.getByRole("button", { name: `确认 ${COVERAGE}` }).click();
    await planner.getByRole("dialog").waitFor();
    findings.push(...(await axeFindings(planner)).map((f) => `确认对话框：${f}`));
    expect(findings).toEqual([]);
  });

  it("confirms the DRG coverage: a stage outside the period is refused on its field, then saved", async () => {
    const dialog = planner.getByRole("dialog");
    await expect(dialog.getByLabel("指标名称").inputValue()).resolves.toBe(COVERAGE);
    await expect(dialog.getByLabel("分年度目标第2项 目标").inputValue()).resolves.toBe("≥80%");
    // A typo in a year: the server refuses it, naming the stage.
    await dialog.getByLabel("分年度目标第3项 年份").fill("2026");
    await dialog.getByRole("button", { name: "确认" }).click();
    const refusal = dialog.locator(".ant-alert-error");
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toBe(
      "填写的内容有误：分年度目标第3项·年份：分年度目标年份 2026 不在规划期 2021–2025 之内",
    );
    // …and under the year's own input.
    await expect(
      dialog
        .locator(".ant-form-item", { has: planner.getByLabel("分年度目标第3项 年份") })
        .locator(".ant-form-item-explain-error")
        .textContent(),
    ).resolves.toBe("分年度目标年份 2026 不在规划期 2021–2025 之内");
    await shot(planner, "work-indicators-refused");
    // Corrected, it is stored.
    await dialog.getByLabel("分年度目标第3项 年份").fill("2024");
    await dialog.getByRole("button", { name: "确认" }).click();
    await planner.getByText(`已确认工作指标“${COVERAGE}”`).waitFor();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => proposalRow(planner, COVERAGE).textContent()).toContain("已确认");
    // Listed under 已确认 with its stages; the share stays a proposal.
    const confirmedCard = planner.locator(".ant-card", { hasText: "已确认的工作指标" });
    await expect.poll(() => confirmedCard.textContent()).toContain("2022年 ≥70%；2023年 ≥80%；2024年 ≥90%");
    await expect(planner.getByRole("button", { name: `确认 ${SHARE}` }).count()).resolves.toBe(1);
    // The tabs' counts come from plans.get, refetched apart from the lists polled above.
    await expect.poll(() => planner.getByRole("tab", { name: "工作指标（1）" }).count()).toBe(1);
    await expect(planner.getByRole("tab", { name: `主要指标（${mainBefore}）` }).count()).resolves.toBe(1);
    const plan = await callApi<PlanCounts>(plannerCtx, "query", "plans.get", { id: planId });
    expect(plan.counts).toMatchObject({ indicators: mainBefore, workIndicators: 1 });
  });

  it("a clerk enters 2023 = 81 for it in the grid, where it is marked 工作指标 with its 2023 target", async () => {
    // The clerk opens the grid later (a fresh load: the list read before the confirmation is gone).
    await clerk.goto(`/#/plans/${planId}/entry?year=2023`);
    await clerk.reload();
    const input = clerk.getByLabel(`${COVERAGE} 2023年数值`);
    await input.waitFor();
    const row = clerk.locator("tr", { has: input });
    await expect(row.textContent()).resolves.toContain("工作指标");
    // The stages come from workIndicators.list, which may arrive after the grid is drawn.
    await expect.poll(() => row.textContent()).toContain("2023年目标 ≥80%");
    // After the main indicators.
    const labels = await clerk
      .locator("input[data-entry-index]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(labels.at(-1)).toBe(`${COVERAGE} 2023年数值`);
    expect(await clerk.locator("tr .ant-tag", { hasText: /^工作指标$/ }).count()).toBe(1);
    await input.fill("81");
    await clerk.getByRole("button", { name: "全部保存" }).click();
    await clerk.getByText("已保存：新增 1 项").waitFor();
    // The toast comes before the refetch that settles the cell: until then it counts as unsaved,
    // and the next test's reload would stop on the browser's "leave page?" prompt.
    await expect.poll(() => clerk.getByTestId("dirty-count").textContent()).toBe("没有未保存的修改");
    await shot(clerk, "work-indicators-entry");
  });

  it("the grid's plausibility rule expects the plan's own step between two stages (fund share +20 points)", async () => {
    // The share confirmed too (through the API), and its 2022 value stored.
    const { proposals } = await callApi<{
      proposals: {
        name: string;
        ownerId: string;
        owner: { kind: "task" | "projectItem" };
        stages: { year: number; target: string }[];
        target: string | null;
      }[];
    }>(plannerCtx, "query", "workIndicators.propose", { planId });
    const p = proposals.find((x) => x.name === SHARE)!;
    const share = await callApi<{ indicator: { id: string } }>(
      plannerCtx,
      "mutation",
      "workIndicators.confirm",
      {
        planId,
        owner: { kind: p.owner.kind, id: p.ownerId },
        name: p.name,
        unit: "%",
        targetText: p.target,
        stages: p.stages.map((s) => ({ year: s.year, targetText: s.target })),
      },
    );
    await callApi(clerkCtx, "mutation", "observations.upsertYear", {
      planId,
      year: 2022,
      rows: [{ indicatorId: share.indicator.id, value: { kind: "number", value: 32 }, version: null }],
    });
    await clerk.goto(`/#/plans/${planId}/entry?year=2023`);
    await clerk.reload();
    const input = clerk.getByLabel(`${SHARE} 2023年数值`);
    await input.waitFor();
    const warning = clerk.locator("tr", { has: input }).getByTestId("cell-warning");
    // The plausibility rule reads the stages (workIndicators.list, loaded apart from the grid):
    // before they arrive, 32 → 51 is judged without the plan's step. Wait for the row to show them.
    await expect.poll(() => clerk.locator("tr", { has: input }).textContent()).toContain("2023年目标 ≥50%");
    // 32 → 51: the plan's +20 step, no warning.
    await input.fill("51");
    await clerk.getByTestId("dirty-count").filter({ hasText: "1 项未保存" }).waitFor();
    expect(await warning.count()).toBe(0);
    // 32 → 95 is far from it: warned, naming the step.
    await input.fill("95");
    await expect
      .poll(() => warning.textContent())
      .toContain("与规划分年度目标的变动（20个百分点）相差超过10个百分点");
    await input.fill("");
  });

  it("the plan's evaluation: 进展顺利 against the 2023 stage (80 %), apart from the unchanged main indicators", async () => {
    await planner.goto(`/#/overview?j=${QINGYANG}&plan=${planId}&year=2023`);
    const table = planner.getByTestId("work-evaluation-table");
    const row = table.locator("tr.ant-table-row", { hasText: COVERAGE });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("≥80%");
    await expect(row.textContent()).resolves.toContain("81%");
    await expect(row.textContent()).resolves.toContain("进展顺利");
    await expect(row.textContent()).resolves.toContain("2023年分年度目标");
    // The main-indicator table does not list it.
    await expect(
      planner.getByTestId("evaluation-table").locator("tr", { hasText: COVERAGE }).count(),
    ).resolves.toBe(0);
    await shot(planner, "work-indicators-evaluation");

    const m = await callApi<Matrix>(plannerCtx, "query", "evaluation.matrix", { planId, year: 2023 });
    expect(m.rows.length).toBe(mainBefore);
    expect(Object.values(m.counts).reduce((a, b) => a + b, 0)).toBe(mainBefore);
    expect(m.work.map((w) => [w.name, w.verdict, w.inputs.targetValue, w.inputs.actual])).toEqual([
      [COVERAGE, "onTrack", 80, 81],
      [SHARE, "insufficientData", 50, null],
    ]);
  });
});
