import { samplePlans } from "@ybplan/samples";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
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

const runs = requireChromium("管理端");

interface PlanRow {
  id: string;
  title: string;
  jurisdictionCode: string;
}

const HUANGSHI = "420200";
const NANYANG = "411300";
const QINGYANG = "341723";
// Three indicators of 黄石市's plan and 2023 values for them.
const entries = [
  { name: "基本医疗保险参保率", value: "96.6" },
  { name: "职工医保政策范围内住院费用报销比例", value: "76.2" },
  { name: "城乡居民医保政策范围内住院费用报销比例", value: "68.1" },
];

describe.skipIf(!runs)("admin app end to end (real server, Chromium)", () => {
  let h: Harness;
  let admin: BrowserContext;
  let page: Page;
  let plans: PlanRow[];
  const planOf = (code: string) => {
    const p = plans.find((x) => x.jurisdictionCode === code);
    if (!p) throw new Error(`没有 ${code} 的规划（示例规划未导入？）`);
    return p;
  };

  beforeAll(async () => {
    h = await startHarness();
    admin = await newContext(h);
  }, 180_000);

  // A fresh tab per test (same signed-in profile): one failure cannot leave a dialog for the next.
  beforeEach(async () => {
    if (!admin) return;
    await page?.close();
    page = await admin.newPage();
  });

  // A failing step leaves a picture of the screen it failed on.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== "fail") return;
    const name = `failed-${ctx.task.name.slice(0, 40).replace(/[^\w\u4e00-\u9fff]+/g, "-")}`;
    const open = h.browser
      .contexts()
      .flatMap((c) => c.pages())
      .filter((p) => !p.isClosed());
    for (const [i, p] of open.entries()) await shot(p, `${name}-${i}`);
  });

  afterAll(async () => {
    await h?.close();
  });

  it("signs in and shows the overview", async () => {
    await login(page, "admin", ADMIN_PASSWORD);
    await page.getByRole("heading", { name: /监测总览/ }).waitFor();
    const list = await callApi<{ items: PlanRow[] }>(admin, "query", "plans.list", { pageSize: 50 });
    plans = list.items;
    expect(plans.length).toBeGreaterThanOrEqual(5);
    await page.goto(`/#/overview?j=${HUANGSHI}&year=2023`);
    await page.getByTestId("evaluation-table").waitFor();
    await shot(page, "overview");
  }, 60_000);

  it("opens 黄石市's plan from the plans list", async () => {
    await page.goto("/#/plans");
    const plan = planOf(HUANGSHI);
    await page.getByRole("link", { name: plan.title }).click();
    await page.getByRole("heading", { name: plan.title }).waitFor();
    await page.getByRole("tab", { name: /主要指标/ }).click();
    // The tab's panel renders after the click: wait for the row, not a one-time look.
    await page.getByText("基本医疗保险参保率").first().waitFor({ state: "visible" });
    await shot(page, "plan-detail");
    await page.goto("/#/plans");
    await page.getByText(plan.title).waitFor();
    await shot(page, "plans");
  }, 60_000);

  it("enters 2023 values for three indicators and the overview's verdicts change", async () => {
    const plan = planOf(HUANGSHI);
    const verdictsOnOverview = async () => {
      await page.goto(`/#/overview?j=${HUANGSHI}&year=2023&plan=${plan.id}`);
      const table = page.getByTestId("evaluation-table");
      await table.waitFor();
      const out: Record<string, string> = {};
      for (const e of entries) {
        out[e.name] = ((await table.locator("tr", { hasText: e.name }).first().textContent()) ?? "").replace(
          /\s+/g,
          " ",
        );
      }
      return out;
    };
    const before = await verdictsOnOverview();
    for (const e of entries) expect(before[e.name]).toContain("数据不足");

    await page.goto(`/#/plans/${plan.id}/entry?year=2023`);
    for (const e of entries) await page.getByLabel(`${e.name} 2023年数值`).fill(e.value);
    await expect.poll(() => page.getByTestId("dirty-count").textContent()).toBe("3 项未保存");
    await shot(page, "entry");
    await page.getByRole("button", { name: "全部保存" }).click();
    await page.getByText("已保存：新增 3 项").waitFor();
    // The toast comes before the refetch that settles the grid: until then the edits still count
    // as unsaved, and leaving (the overview below) would stop on the "unsaved changes" dialog.
    await expect.poll(() => page.getByTestId("dirty-count").textContent()).toBe("没有未保存的修改");

    await expect
      .poll(async () => Object.values(await verdictsOnOverview()).join("|"), { timeout: 20_000 })
      .not.toContain("数据不足");
    const after = await verdictsOnOverview();
    for (const e of entries) {
      expect(after[e.name]).not.toContain("数据不足");
      expect(after[e.name]).toMatch(/已达成|进展顺利|进度滞后|未达成/);
    }
    // 城乡居民 68.1 is below its 2020 baseline of 69.3: a 约束性 indicator falling behind.
    expect(after[entries[2]!.name]).toMatch(/进度滞后|未达成/);
    await shot(page, "overview-after-entry");
    // The indicator's chart: actual values against the target and the time-elapsed line (ECharts SVG).
    const inds = await callApi<Array<{ id: string; name: string }>>(admin, "query", "indicators.list", {
      planId: plan.id,
    });
    const rateId = inds.find((i) => i.name === entries[0]!.name)!.id;
    await page.goto(`/#/overview?j=${HUANGSHI}&year=2023&plan=${plan.id}&ind=${rateId}`);
    const chart = page.getByRole("img", { name: `${entries[0]!.name} 实际值与目标对比图` });
    await chart.scrollIntoViewIfNeeded();
    await chart.locator("svg").waitFor();
    // ECharts creates the <svg> before it draws the series and legend into it.
    await expect.poll(() => chart.textContent()).toContain("时序进度线");
    await shot(page, "overview-chart");
  }, 90_000);

  it("warns before leaving the entry grid with unsaved changes", async () => {
    const plan = planOf(HUANGSHI);
    await page.goto(`/#/plans/${plan.id}/entry?year=2022`);
    await page.getByLabel(`${entries[0]!.name} 2022年数值`).fill("95.9");
    await page.getByRole("menuitem", { name: "规划管理" }).click();
    await page.getByText("有尚未保存的修改").waitFor();
    await page.getByRole("button", { name: "留在此页" }).click();
    // The dialog leaves with an animation: until it is gone, a second dialog would show a second
    // "离开" button.
    await page.getByText("有尚未保存的修改").waitFor({ state: "hidden" });
    await expect(page.getByLabel(`${entries[0]!.name} 2022年数值`).inputValue()).resolves.toBe("95.9");
    await page.getByRole("menuitem", { name: "规划管理" }).click();
    await page.getByRole("button", { name: "离开" }).click();
    await page.getByRole("heading", { name: "规划管理" }).waitFor();
  }, 60_000);

  it("shows validation messages on the cell at fault, from the browser and from the server", async () => {
    const plan = planOf(HUANGSHI);
    await page.goto(`/#/plans/${plan.id}/entry?year=2021`);
    const rate = page.getByLabel(`${entries[0]!.name} 2021年数值`);
    await rate.fill("120");
    await rate.blur();
    await page.getByText("百分比应在 0–100 之间").waitFor();
    await page.getByRole("button", { name: "全部保存" }).click();
    await page.getByText("有 1 项填写有误").waitFor();
    await rate.fill("95.8");
    // Negative money is refused in the browser by the domain's rule, the one the server applies too.
    const income = page.getByLabel("基本医疗保险(含生育保险)基金收入 2021年数值");
    await income.fill("-5");
    await income.blur();
    await page
      .getByText(/为单位的数值不能为负数/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "全部保存" }).click();
    await page.getByText("有 1 项填写有误").waitFor();
    await shot(page, "entry-validation");
    // Nothing was saved: all or nothing.
    const saved = await callApi<unknown[]>(admin, "query", "observations.list", {
      planId: plan.id,
      fromYear: 2021,
      toYear: 2021,
    });
    expect(saved).toEqual([]);
    await income.fill("30.1");
    await page.getByRole("button", { name: "全部保存" }).click();
    await page.getByText("已保存：新增 2 项").waitFor();
  }, 90_000);

  it("imports a sample plan from its file: upload, preview with warnings, confirm", async () => {
    const sample = samplePlans.find((s) => s.key === "anhui-qingyang-county")!;
    await page.goto("/#/import");
    await page.locator('input[type="file"]').setInputFiles(sample.path);
    await page.getByText("核对解析结果").waitFor();
    await page.getByRole("button", { name: "确认导入" }).waitFor();
    await page
      .getByText(/青阳县/)
      .first()
      .waitFor({ state: "visible" });
    await shot(page, "import-preview");
    // The sample was imported at first start: the same file again is 无变化, not a new version.
    await page
      .getByText(/无变化：与已保存的.*相同，确认后不会生成新版本/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "确认导入" }).click();
    await page
      .getByText(/无变化：与已保存的第 1 版相同/)
      .first()
      .waitFor();
    await shot(page, "import-done");
  }, 90_000);

  it("refuses a 青阳县 数据填报 user on 南阳市's plan", async () => {
    await callApi(admin, "mutation", "users.create", {
      username: "qy-reporter",
      displayName: "青阳填报员",
      role: "reporter",
      jurisdictionCode: QINGYANG,
      password: "Qingyang-填报-2026",
    });
    await page.goto("/#/users");
    await page.getByText("qy-reporter").waitFor();
    await shot(page, "users");
    await page.goto("/#/audit");
    // The user just created is in the audit log: who did it, what and to which entity.
    await page.locator("tr.ant-table-row", { hasText: "新增" }).filter({ hasText: "用户" }).first().waitFor();
    await shot(page, "audit");

    const ctx = await newContext(h);
    const p = await ctx.newPage();
    await login(p, "qy-reporter", "Qingyang-填报-2026");
    const nanyang = planOf(NANYANG);
    await p.goto(`/#/plans/${nanyang.id}`);
    await p.getByText("没有权限").waitFor();
    await p.getByText(/无权.*南阳市/).waitFor();
    await expect(p.getByText(nanyang.title).count()).resolves.toBe(0);
    await shot(p, "refused");
    // The entry screen is refused as well, and the API itself refuses a write.
    await p.goto(`/#/plans/${nanyang.id}/entry?year=2023`);
    // The plan page said 没有权限 too: wait for the entry screen's own breadcrumb first.
    await p.locator(".ant-breadcrumb", { hasText: "年度数据填报" }).waitFor();
    await p.getByText("没有权限").waitFor();
    await expect(
      callApi(ctx, "mutation", "observations.upsertYear", { planId: nanyang.id, year: 2023, rows: [] }),
    ).rejects.toThrow();
    // Users management is for administrators only.
    await expect(p.getByRole("menuitem", { name: "用户管理" }).count()).resolves.toBe(0);
    await ctx.close();
  }, 90_000);

  it("follows the system's motion setting: no transitions at all when it asks for less motion", async () => {
    const opened = async (motion: "reduce" | "no-preference") => {
      const ctx = await newContext(h, motion);
      const p = await ctx.newPage();
      await login(p, "admin", ADMIN_PASSWORD);
      // The most animations running in any of the 30 frames after the click that opens a dialog.
      const animations = await p.evaluate(async () => {
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "修改密码");
        button?.click();
        let most = 0;
        for (let i = 0; i < 30; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          most = Math.max(most, document.getAnimations().length);
        }
        return most;
      });
      await p.getByRole("dialog", { name: "修改密码" }).waitFor();
      const setting = await p.evaluate(() => document.documentElement.dataset.motion);
      await ctx.close();
      return { setting, animations };
    };
    expect(await opened("reduce")).toEqual({ setting: "reduced", animations: 0 });
    // Without the preference the app keeps Ant Design's usual motion (not timed here: a busy
    // machine may skip the frames in which the dialog zooms in).
    expect((await opened("no-preference")).setting).toBe("on");
  }, 90_000);

  it("changes the password, logs out and signs in with the new one", async () => {
    await callApi(admin, "mutation", "users.create", {
      username: "hs-viewer",
      displayName: "黄石只读",
      role: "viewer",
      jurisdictionCode: HUANGSHI,
      password: "Viewer-旧密码-2026",
    });
    const ctx = await newContext(h);
    const p = await ctx.newPage();
    await login(p, "hs-viewer", "Viewer-旧密码-2026");
    await p.getByRole("button", { name: "修改密码" }).click();
    await p.getByLabel("原密码").fill("Viewer-旧密码-2026");
    await p.getByLabel("新密码", { exact: true }).fill("Viewer-新密码-2026");
    await p.getByLabel("确认新密码").fill("Viewer-新密码-2026");
    await p.getByRole("button", { name: "确定修改" }).click();
    await p.getByText("密码已修改").waitFor();
    await p.getByRole("button", { name: "退出登录" }).click();
    await p.getByRole("button", { name: "登录" }).waitFor();
    // The old password no longer works; the new one does.
    await p.getByLabel("用户名").fill("hs-viewer");
    await p.getByLabel("密码").fill("Viewer-旧密码-2026");
    await p.getByRole("button", { name: "登录" }).click();
    // (The "密码已修改" toast is an alert too: wait for the refusal itself.)
    await p.getByRole("alert").filter({ hasText: "用户名或密码错误" }).waitFor();
    // Right after the refusal, on the same form: the new password signs in.
    await p.getByLabel("密码").fill("Viewer-新密码-2026");
    await p.getByRole("button", { name: "登录" }).click();
    await p.getByTestId("current-user").waitFor();
    await expect(p.getByTestId("current-user").textContent()).resolves.toContain("黄石只读（只读）");
    await ctx.close();
  }, 90_000);

  it("asks for both fields, then makes a one-time password be changed before anything else", async () => {
    const created = await callApi<{ initialPassword: string | null }>(admin, "mutation", "users.create", {
      username: "hs-once",
      displayName: "黄石临时",
      role: "viewer",
      jurisdictionCode: HUANGSHI,
    });
    const once = created.initialPassword!;
    expect(once).toBeTruthy();
    const ctx = await newContext(h);
    const p = await ctx.newPage();
    await p.goto("/#/overview");
    // The login form names what is missing and sends nothing.
    let logins = 0;
    p.on("request", (r) => {
      if (r.url().includes("auth.login")) logins++;
    });
    await p.getByRole("button", { name: "登录" }).click();
    await p.getByRole("alert").filter({ hasText: "请输入用户名" }).waitFor();
    await p.getByRole("alert").filter({ hasText: "请输入密码" }).waitFor();
    await expect.poll(() => p.getByLabel("用户名").getAttribute("aria-invalid")).toBe("true");
    expect(logins).toBe(0);

    await login(p, "hs-once", once);
    // The signed-in app (its own chunk) opens with the forced change: no way to cancel it.
    const dialog = p.getByRole("dialog", { name: "首次登录请修改密码" });
    await dialog.waitFor();
    await expect(dialog.getByRole("button", { name: "取消" }).isVisible()).resolves.toBe(false);
    await dialog.getByLabel("原密码").fill(once);
    await dialog.getByLabel("新密码", { exact: true }).fill("Once-新密码-2026");
    await dialog.getByLabel("确认新密码").fill("Once-新密码-2026");
    await dialog.getByRole("button", { name: "确定修改" }).click();
    await p.getByText("密码已修改").waitFor();
    await dialog.waitFor({ state: "hidden" });
    // The server no longer asks: after a reload the app opens without the dialog.
    await p.reload();
    await p.getByTestId("current-user").waitFor();
    await expect(p.getByRole("dialog", { name: "首次登录请修改密码" }).count()).resolves.toBe(0);
    await ctx.close();
  }, 90_000);

  it("shows a save conflict when someone else saved first", async () => {
    const plan = planOf(HUANGSHI);
    await callApi(admin, "mutation", "users.create", {
      username: "hs-planner",
      displayName: "黄石规划员",
      role: "planner",
      jurisdictionCode: HUANGSHI,
      password: "Huangshi-规划-2026",
    });
    const ctxB = await newContext(h);
    const b = await ctxB.newPage();
    await login(b, "hs-planner", "Huangshi-规划-2026");
    const url = `/#/plans/${plan.id}/entry?year=2024`;
    await page.goto(url);
    await b.goto(url);
    const field = `${entries[1]!.name} 2024年数值`;
    await page.getByLabel(field).fill("76.3");
    await b.getByLabel(field).fill("75.9");
    await b.getByRole("button", { name: "全部保存" }).click();
    await b.getByText("已保存：新增 1 项").waitFor();

    await page.getByRole("button", { name: "全部保存" }).click();
    const alert = page.getByTestId("conflict-alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("黄石规划员");
    await shot(page, "conflict");
    // Discarding loads the other person's value; nothing was overwritten.
    await page.getByRole("button", { name: "放弃我的修改，载入最新数据" }).click();
    await expect.poll(() => page.getByLabel(field).inputValue()).toBe("75.9");
    await ctxB.close();
  }, 90_000);
});
