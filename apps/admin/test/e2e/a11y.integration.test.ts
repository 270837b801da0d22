/**
 * Accessibility in a real browser, for every role: each user signs in, the side navigation must
 * offer exactly the pages the routes registry grants the role, and every page the role can open —
 * each navigation entry plus the detail pages (a plan, its entry grid, 新建规划) and every tab —
 * is loaded with its data, then checked with axe-core (injected into the page from the npm
 * package). The suite fails on any critical or serious violation and on the structure axe only
 * rates moderate: exactly one <main> and one <h1> per page. A page that opens on an error (red
 * alert, 403, 404) for a role that is offered it fails too.
 */
import type { Role } from "@ybplan/domain/access";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { navRoutes, type RouteDef, routeAllowed, routes } from "../../src/routes/registry.ts";
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

const runs = requireChromium("无障碍");

interface Account {
  readonly key: string;
  readonly label: string;
  readonly role: Role;
  readonly username: string;
  readonly password: string;
  readonly jurisdictionCode: string | null;
}

/** One user per role, where each works: 黄石市 (a city with a plan), 池州市 reviewing 青阳县. */
const accounts: readonly Account[] = [
  {
    key: "admin",
    label: "系统管理员",
    role: "admin",
    username: "admin",
    password: ADMIN_PASSWORD,
    jurisdictionCode: null,
  },
  {
    key: "planner",
    label: "规划编辑（黄石市）",
    role: "planner",
    username: "a11y-planner",
    password: "Huangshi-规划-2026",
    jurisdictionCode: "420200",
  },
  {
    key: "reviewer",
    label: "审核（池州市规划编辑）",
    role: "planner",
    username: "a11y-reviewer",
    password: "Chizhou-审核-2026",
    jurisdictionCode: "341700",
  },
  {
    key: "clerk",
    label: "数据填报（青阳县）",
    role: "reporter",
    username: "a11y-clerk",
    password: "Qingyang-填报-2026",
    jurisdictionCode: "341723",
  },
  {
    key: "viewer",
    label: "只读（黄石市）",
    role: "viewer",
    username: "a11y-viewer",
    password: "Huangshi-只读-2026",
    jurisdictionCode: "420200",
  },
];

interface Finding {
  readonly role: string;
  readonly page: string;
  readonly what: string;
}

/** Waits until no API request is in flight and no spinner shows, twice in a row. */
async function settle(page: Page, inflight: () => number): Promise<void> {
  const deadline = Date.now() + 30_000;
  let quiet = 0;
  while (quiet < 2) {
    if (Date.now() > deadline) throw new Error(`页面 ${page.url()} 30 秒内未加载完成`);
    const spinning = await page.locator("main .ant-spin-spinning, main .ant-skeleton-active").count();
    quiet = inflight() === 0 && spinning === 0 ? quiet + 1 : 0;
    await page.waitForTimeout(250);
  }
}

/** Plans whose tables carry footnote markers: 黄石 "96%以上 ^①", 青阳 ">95 <sup>①</sup>". */
const footnotedPlans = new Set(["420200", "341723"]);

/** Targets read as clean text with the footnote as a <sup> element, never as raw markup. */
async function footnoteFindings(page: Page, planJurisdiction: string): Promise<string[]> {
  const out: string[] = [];
  const raw = /<\/?sup>|&lt;sup|\^\s*[\u2460-\u2473]/.exec((await page.locator("main").textContent()) ?? "");
  if (raw) out.push(`目标值显示原始标记：${raw[0]}`);
  const marks = await page.locator("main sup").filter({ hasText: "①" }).count();
  if (footnotedPlans.has(planJurisdiction) && marks === 0) out.push("脚注①未以上标显示");
  return out;
}

describe.skipIf(!runs)("accessibility of every page for every role (axe-core, Chromium)", () => {
  let h: Harness;
  let adminCtx: BrowserContext;

  beforeAll(async () => {
    h = await startHarness();
    adminCtx = await newContext(h);
    await login(await adminCtx.newPage(), "admin", ADMIN_PASSWORD);
    for (const a of accounts.filter((x) => x.username !== "admin")) {
      await callApi(adminCtx, "mutation", "users.create", {
        username: a.username,
        password: a.password,
        displayName: a.label,
        role: a.role,
        jurisdictionCode: a.jurisdictionCode,
      });
    }
    // A reporting window, so the clerk's to-do and the reviewer's progress have rows.
    await callApi(adminCtx, "mutation", "cycle.openWindow", {
      year: 2025,
      rootCode: "340000",
      deadline: "2099-02-28",
    });
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it("the registry lists each page once, and every role's detail pages are covered below", () => {
    const detail = routes.filter((r) => !r.nav).map((r) => r.path);
    expect(detail.sort()).toEqual(["/plans/:planId", "/plans/:planId/entry", "/plans/new"]);
  });

  it("the login page passes axe, with one <main> and one <h1>", async () => {
    const ctx = await newContext(h);
    try {
      const page = await ctx.newPage();
      await page.goto("/#/overview");
      await page.getByLabel("用户名").waitFor();
      const lines = [...(await structureFindings(page)), ...(await axeFindings(page))];
      expect(lines, `登录页无障碍问题：\n${lines.join("\n")}`).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  // The roles crawl side by side, each in its own browser profile: a crawl mostly waits for pages
  // to settle (the CPU is 80 % idle with one), so five at once take little longer than one.
  for (const account of accounts) {
    it.concurrent(`${account.label}: navigation matches the role, every page loads without an error and passes axe`, async ({
      expect,
    }) => {
      const ctx = await newContext(h);
      const page = await ctx.newPage();
      let inflight = 0;
      page.on("request", (r) => {
        if (r.url().includes("/trpc/")) inflight++;
      });
      const done = (r: { url(): string }) => {
        if (r.url().includes("/trpc/")) inflight--;
      };
      page.on("requestfinished", done);
      page.on("requestfailed", done);
      const findings: Finding[] = [];
      const visited: string[] = [];
      let views = 0;

      try {
        await login(page, account.username, account.password);
        await settle(page, () => inflight);
        findings.push(
          ...(await axeFindings(page)).map((what) => ({ role: account.label, page: "登录后首页", what })),
        );

        // The menu offers exactly what the registry grants the role.
        const offered = navRoutes(account.role);
        const menu = await page.locator("nav[aria-label='主导航'] .ant-menu-item").allInnerTexts();
        expect(menu.map((t) => t.trim())).toEqual(offered.map((r) => r.title));

        const plans = await callApi<{ items: { id: string; jurisdictionCode: string }[] }>(
          ctx,
          "query",
          "plans.list",
          { pageSize: 50 },
        );
        const own =
          plans.items.find((p) => p.jurisdictionCode === account.jurisdictionCode) ?? plans.items[0];
        expect(own, "该用户看不到任何规划").toBeDefined();
        const detailPath = (r: RouteDef) => r.path.replace(":planId", own!.id);

        const check = async (name: string) => {
          await settle(page, () => inflight);
          const lines = [...(await structureFindings(page)), ...(await axeFindings(page))];
          findings.push(...lines.map((what) => ({ role: account.label, page: name, what })));
          views++;
          // Each tab of the page, as the user would open it.
          const tabs = page.locator("main [role=tab]:not([aria-disabled=true])");
          const labels = await tabs.allInnerTexts();
          for (const [i, label] of labels.entries()) {
            if (i === 0) continue;
            await tabs.nth(i).click();
            await settle(page, () => inflight);
            views++;
            const tabLines = [...(await structureFindings(page)), ...(await axeFindings(page))];
            findings.push(
              ...tabLines.map((what) => ({ role: account.label, page: `${name} › ${label}`, what })),
            );
          }
          visited.push(name);
        };

        for (const r of offered) {
          await page.locator("nav[aria-label='主导航'] .ant-menu-item", { hasText: r.title }).first().click();
          await page.waitForURL((u) => u.hash.startsWith(`#${r.path}`));
          await check(`${r.title}（${r.path}）`);
        }
        for (const r of routes.filter((x) => !x.nav && routeAllowed(x, account.role))) {
          await page.goto(`/#${detailPath(r)}`);
          await page.waitForURL((u) => u.hash.startsWith(`#${detailPath(r)}`));
          await check(`${r.title}（${r.path}）`);
          if (r.path.startsWith("/plans/:planId")) {
            const name = `${r.title}（${r.path}）`;
            findings.push(
              ...(await footnoteFindings(page, own!.jurisdictionCode)).map((what) => ({
                role: account.label,
                page: name,
                what,
              })),
            );
          }
        }
        // A page the role cannot use, opened by its address: a plain 403, not an error or a crash.
        for (const r of routes.filter((x) => !routeAllowed(x, account.role))) {
          await page.goto(`/#${detailPath(r)}`);
          await page.locator("main .ant-result-403").waitFor();
          const errors = await page.locator("main .ant-alert-error").count();
          if (errors > 0) findings.push({ role: account.label, page: r.path, what: "无权页面显示了错误" });
        }
      } catch (e) {
        await shot(page, `failed-a11y-${account.key}`);
        throw e;
      } finally {
        await ctx.close();
      }

      const expected = [
        ...navRoutes(account.role),
        ...routes.filter((x) => !x.nav && routeAllowed(x, account.role)),
      ].map((r) => `${r.title}（${r.path}）`);
      console.log(`${account.label}：${visited.length} 个页面，${views} 个视图（含标签页）经 axe 检查`);
      expect(visited).toEqual(expected);
      const report = findings.map((f) => `${f.role} · ${f.page} · ${f.what}`).join("\n");
      expect(findings.length, `无障碍问题 ${findings.length} 项：\n${report}`).toBe(0);
    }, 600_000);
  }
});
