/**
 * The reporting cycle in a real browser against the real server: a 青阳县 clerk submits 2025, a
 * 池州市 reviewer returns it with a reason, the clerk sees the reason on the grid, fixes the
 * explanation and resubmits, the reviewer approves and the grid locks.
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
  settled,
  shot,
  startHarness,
} from "./harness.ts";

const runs = requireChromium("填报审核");

const QINGYANG = "341723";
const CHIZHOU = "341700";
const YEAR = 2025;
const CLERK = { username: "qy-clerk", password: "Qingyang-填报-2026", displayName: "青阳填报员" };
const REVIEWER = { username: "cz-reviewer", password: "Chizhou-审核-2026", displayName: "池州审核员" };
const REASON = "参保率整改措施不具体，请写明扩面对象和时限";

interface Status {
  state: string;
  returnReason: string | null;
  problems: { message: string }[];
}
interface Indicator {
  id: string;
  name: string;
  attribute: "binding" | "expected";
}

describe.skipIf(!runs)("reporting cycle end to end (real server, Chromium)", () => {
  let h: Harness;
  let admin: BrowserContext;
  let clerkCtx: BrowserContext;
  let reviewerCtx: BrowserContext;
  let clerk: Page;
  let reviewer: Page;
  let planId: string;
  let binding: Indicator[];

  const status = (ctx: BrowserContext) =>
    callApi<Status>(ctx, "query", "cycle.status", { planId, year: YEAR });
  const stateTag = (p: Page) => p.getByTestId("cycle-bar").getByTestId("cycle-state");
  /** 提交审核 and its confirmation (after the popover's opening animation). */
  const submitYear = async (p: Page) => {
    await p.getByRole("button", { name: "提交审核" }).click();
    const ok = p.locator(".ant-popconfirm").getByRole("button", { name: "提交", exact: true });
    await ok.waitFor();
    // A click during the popover's zoom-in is lost on a loaded machine: wait for it to end.
    await settled(p);
    await ok.click();
    await expect.poll(() => stateTag(p).textContent(), { timeout: 15_000 }).toBe("已提交");
  };

  beforeAll(async () => {
    h = await startHarness();
    admin = await newContext(h);
    const adminPage = await admin.newPage();
    await login(adminPage, "admin", ADMIN_PASSWORD);
    const plans = await callApi<{ items: { id: string; jurisdictionCode: string }[] }>(
      admin,
      "query",
      "plans.list",
      {
        pageSize: 50,
      },
    );
    planId = plans.items.find((p) => p.jurisdictionCode === QINGYANG)!.id;
    for (const [u, role, code] of [
      [CLERK, "reporter", QINGYANG],
      [REVIEWER, "planner", CHIZHOU],
    ] as const) {
      await callApi(admin, "mutation", "users.create", { ...u, role, jurisdictionCode: code });
    }
    // The province opens 2025 with a deadline: the year appears on the clerk's to-do.
    await callApi(admin, "mutation", "cycle.openWindow", {
      year: YEAR,
      rootCode: "340000",
      deadline: "2099-02-28",
    });
    clerkCtx = await newContext(h);
    clerk = await clerkCtx.newPage();
    await login(clerk, CLERK.username, CLERK.password);
    reviewerCtx = await newContext(h);
    reviewer = await reviewerCtx.newPage();
    await login(reviewer, REVIEWER.username, REVIEWER.password);

    // The clerk's groundwork (through the API, as the grid's own tests cover typing): 原因 and
    // 整改措施 for every 约束性 indicator without a 2025 value, so a submit has nothing missing.
    const inds = await callApi<Indicator[]>(clerkCtx, "query", "indicators.list", { planId });
    binding = inds.filter((i) => i.attribute === "binding");
    expect(binding.length).toBeGreaterThan(0);
    await callApi(clerkCtx, "mutation", "cycle.saveExplanations", {
      planId,
      year: YEAR,
      rows: binding.map((i) => ({
        indicatorId: i.id,
        cause: "年度统计数据尚未发布",
        measure: "待统计公报发布后补报",
        responsibleUnit: "县医保局",
        version: null,
      })),
    });
    const s = await status(clerkCtx);
    expect(s.state).toBe("filling");
    expect(s.problems).toEqual([]);
  }, 180_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== "fail") return;
    for (const [i, p] of [clerk, reviewer].entries())
      if (p && !p.isClosed()) await shot(p, `failed-cycle-${i}`);
  });

  afterAll(async () => {
    await h?.close();
  });

  it("submit → return with a reason → the clerk sees it, fixes and resubmits → approve locks the grid", async () => {
    // A clerk's home is the to-do: the plan's 2025, its deadline and state; it leads to the grid.
    await clerk.goto("/#/");
    await clerk.waitForURL(/#\/todo/);
    const todoRow = clerk.getByRole("row", { name: /青阳县/ });
    await todoRow.waitFor();
    await expect(todoRow.textContent()).resolves.toContain("2099-02-28");
    await expect(todoRow.textContent()).resolves.toContain("填报中");
    await todoRow.getByRole("link", { name: "去填报" }).click();
    await clerk.waitForURL(new RegExp(`entry\\?year=${YEAR}`));
    await expect.poll(() => stateTag(clerk).textContent(), { timeout: 15_000 }).toBe("填报中");
    await clerk.locator("input[data-entry-index]").first().waitFor();
    await expect.poll(() => clerk.locator("input[data-entry-index]").first().isDisabled()).toBe(false);

    // Submit: confirm, then the year is 已提交 and the grid is read-only.
    await submitYear(clerk);
    await expect.poll(() => stateTag(clerk).textContent(), { timeout: 15_000 }).toBe("已提交");
    await expect.poll(() => clerk.locator("input[data-entry-index]").first().isDisabled()).toBe(true);

    // The city reviewer finds it in 待审核 and returns it; a return without a reason is not possible.
    await reviewer.goto("/#/review");
    const queue = reviewer.getByTestId("review-queue");
    await queue.getByRole("cell", { name: "青阳县", exact: true }).waitFor();
    await queue.getByRole("link", { name: "审核" }).click();
    await expect.poll(() => stateTag(reviewer).textContent(), { timeout: 15_000 }).toBe("已提交");
    await reviewer.getByRole("button", { name: "退回" }).click();
    const dialog = reviewer.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: "退回" }).isDisabled()).resolves.toBe(true);
    await dialog.getByLabel(/退回原因/).fill(REASON);
    await dialog.getByRole("button", { name: "退回" }).click();
    await reviewer.getByText("已退回", { exact: true }).first().waitFor();
    await expect.poll(() => stateTag(reviewer).textContent(), { timeout: 15_000 }).toBe("已退回");

    // The clerk sees the reason on the grid, which is editable again.
    await clerk.reload();
    const banner = clerk.getByTestId("cycle-return-reason");
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain(REASON);
    await expect(banner.textContent()).resolves.toContain(REVIEWER.displayName);
    await shot(clerk, "cycle-returned");
    await expect.poll(() => clerk.locator("input[data-entry-index]").first().isDisabled()).toBe(false);

    // Fix: a concrete 整改措施 for the first binding indicator, saved; the year is 填报中 again.
    const first = binding[0]!;
    await clerk.getByText(/原因与整改措施/).click();
    const measure = clerk.getByLabel(`${first.name}整改措施`);
    await measure.fill("2025年6月底前完成灵活就业人员参保扩面，责任到乡镇");
    await clerk.getByRole("button", { name: "保存原因和措施" }).click();
    await clerk.getByText("原因和整改措施已保存").waitFor();
    await expect.poll(() => stateTag(clerk).textContent(), { timeout: 15_000 }).toBe("填报中");
    // A person's judgement beside a figure: 基本符合预期 with a reason, stored as an assessment.
    await clerk.getByText(/人工研判/).click();
    const pick = clerk.getByRole("combobox", { name: "研判指标" });
    await pick.click();
    await pick.fill("基金收入");
    await pick.press("Enter");
    await clerk.getByLabel("研判理由").fill("与经济增速相当");
    await clerk.getByRole("button", { name: "保存研判" }).click();
    await clerk.getByText("研判已保存").waitFor();
    const assessed = await callApi<{ grade: string; reason: string; updatedBy: string }[]>(
      clerkCtx,
      "query",
      "cycle.assessments",
      { planId, year: YEAR },
    );
    expect(assessed).toMatchObject([
      { grade: "onPace", reason: "与经济增速相当", updatedBy: CLERK.displayName },
    ]);
    await submitYear(clerk);
    await expect.poll(() => stateTag(clerk).textContent(), { timeout: 15_000 }).toBe("已提交");

    // The reviewer approves: the year is locked for everyone.
    await reviewer.reload();
    await expect.poll(() => stateTag(reviewer).textContent(), { timeout: 15_000 }).toBe("已提交");
    await reviewer.getByRole("button", { name: "审核通过" }).click();
    await reviewer.getByText("已审核通过，该年度已锁定").waitFor();
    await expect.poll(() => stateTag(reviewer).textContent(), { timeout: 15_000 }).toBe("已通过");

    await clerk.reload();
    await expect.poll(() => stateTag(clerk).textContent(), { timeout: 15_000 }).toBe("已通过");
    const locked = clerk.getByTestId("cycle-locked");
    await expect(locked.textContent()).resolves.toContain(`已由${REVIEWER.displayName}`);
    const inputs = clerk.locator("input[data-entry-index]");
    const n = await inputs.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await expect.poll(() => inputs.nth(i).isDisabled()).toBe(true);
    await expect(clerk.getByRole("button", { name: "提交审核" }).count()).resolves.toBe(0);
    await shot(clerk, "cycle-approved-locked");

    // And the server refuses the write the disabled grid no longer offers.
    const refused = await clerkCtx.request.post("/trpc/observations.upsertYear", {
      data: {
        planId,
        year: YEAR,
        rows: [{ indicatorId: first.id, value: { kind: "number", value: 99 }, version: null }],
      },
    });
    expect(refused.status()).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("审核通过");
  });
});
