/**
 * End-to-end harness: the real server (in-process `startServer`, fresh embedded PGlite database in
 * a temporary directory, serving the built app from dist/) and Debian's Chromium through
 * playwright-core. No mocks: the browser talks HTTP to the same server the product runs.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type RunningServer, startServer } from "@ybplan/server";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const appRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const screenshotDir = join(appRoot, "test-results", "screenshots");
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const chromiumAvailable = existsSync(chromiumPath);
export const chromiumRequired = process.env.YBPLAN_REQUIRE_CHROMIUM === "1";
/**
 * Without Chromium a suite is skipped with a message, unless YBPLAN_REQUIRE_CHROMIUM=1 (CI), where
 * a missing browser is an error rather than a silently green run. Returns whether to run.
 */
export function requireChromium(suite: string): boolean {
  if (chromiumAvailable) return true;
  const msg = `未找到 Chromium（${chromiumPath}）：跳过${suite}端到端测试。设置 CHROMIUM_PATH 或安装 chromium。`;
  if (chromiumRequired) throw new Error(`${msg}（YBPLAN_REQUIRE_CHROMIUM=1，不允许跳过）`);
  console.warn(msg);
  return false;
}

export const ADMIN_PASSWORD = "Admin-e2e-密码-2026";

const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Harness {
  server: RunningServer;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A freshly seeded data directory: a copy of the run's template (seed-template.ts), which the
 * first caller makes by starting the server once on an empty directory (migrations, jurisdictions,
 * the five sample plans, the administrator). Each file still gets its own database. Files run two
 * at a time: the one that takes the lock builds, the other waits for the finished template.
 */
async function seededDataDir(dataDir: string): Promise<void> {
  const seedDir = inject("e2eSeedDir");
  const template = join(seedDir, "data");
  const lock = join(seedDir, "building.lock");
  const deadline = Date.now() + 300_000;
  while (!existsSync(template)) {
    if (Date.now() > deadline) throw new Error("等待种子数据库超时（300 秒）");
    try {
      mkdirSync(lock);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    try {
      if (!existsSync(template)) await buildTemplate(seedDir, template);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  cpSync(template, dataDir, { recursive: true });
}

async function buildTemplate(seedDir: string, template: string): Promise<void> {
  const building = mkdtempSync(join(seedDir, "building-"));
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    dataDir: building,
    adminPassword: ADMIN_PASSWORD,
    adminDist: null,
    jobs: [],
  });
  await server.close();
  // Whole or not at all: a file finding the template sees a finished one.
  renameSync(building, template);
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(join(appRoot, "dist", "index.html"))) {
    throw new Error("apps/admin/dist 不存在：请先运行 vite build（test 脚本会先构建）");
  }
  const work = mkdtempSync(join(tmpdir(), "ybplan-admin-e2e-"));
  const dataDir = join(work, "data");
  await seededDataDir(dataDir);
  // Serve a snapshot of the build, so a concurrent `vite build` cannot empty it mid-run.
  const adminDist = join(work, "dist");
  cpSync(join(appRoot, "dist"), adminDist, { recursive: true });
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    adminDist,
  });
  const browser = await sharedBrowser();
  mkdirSync(screenshotDir, { recursive: true });
  return {
    server,
    browser,
    baseUrl: server.url,
    async close() {
      // The file's profiles go; the browser stays for the worker's next file.
      await Promise.all(browser.contexts().map((c) => c.close().catch(() => undefined)));
      await server.close().catch(() => undefined);
      rmSync(work, { recursive: true, force: true });
    },
  };
}

let browserLaunch: Promise<Browser> | null = null;

/**
 * One Chromium per test worker, shared by the files it runs one after another (each test opens its
 * own profile, so nothing is shared between tests but the process): starting a browser for each
 * file cost more CPU than several of the files' checks. Launched again if it went away.
 */
async function sharedBrowser(): Promise<Browser> {
  const current = await browserLaunch?.catch(() => null);
  if (current?.isConnected()) return current;
  browserLaunch = chromium.launch({ executablePath: chromiumPath, args: flags, headless: true });
  return browserLaunch;
}

/**
 * A fresh browser profile at the 1366×768 the app is designed for. It asks for reduced motion, as
 * staff can in their system settings, so the app shows no transitions: a click never lands on a
 * dialog or list still sliding, and no spinner is left half-gone (see app.tsx). `motion` gives a
 * profile with the default motion instead.
 */
export function newContext(
  h: Harness,
  motion: "reduce" | "no-preference" = "reduce",
): Promise<BrowserContext> {
  return h.browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: "zh-CN",
    baseURL: h.baseUrl,
    reducedMotion: motion,
  });
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/#/overview");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("current-user").waitFor();
}

/**
 * Waits until the page's running animations and transitions end (at most 5 s): a click or a
 * colour reading during a panel's or dialog's slide-in is lost or half-blended on a loaded machine.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.race([
      Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 5000)),
    ]),
  );
}

/**
 * Opens the antd Select labelled `label` and picks the option showing `text` (typing `type` first
 * to filter), once the list has slid in: a click during the slide is lost on a loaded machine. The
 * choice must then show in the select.
 */
export async function pick(page: Page, label: string, text: string, type?: string): Promise<void> {
  const box = page.getByRole("combobox", { name: label, exact: true });
  await box.click();
  if (type) await box.fill(type);
  const option = page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: text })
    .first();
  await option.waitFor();
  await settled(page);
  await option.click();
  const select = box.locator(
    "xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]",
  );
  await expect.poll(() => select.textContent()).toContain(text);
}

/** A fresh profile with one page signed in (the administrator unless told otherwise). */
export async function signedIn(
  h: Harness,
  username = "admin",
  password = ADMIN_PASSWORD,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(h);
  const page = await context.newPage();
  await login(page, username, password);
  return { context, page };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

/** Calls a tRPC procedure over HTTP with the context's cookies (as the app does). */
export async function callApi<T>(
  ctx: BrowserContext,
  kind: "query" | "mutation",
  path: string,
  input: unknown,
): Promise<T> {
  const res =
    kind === "query"
      ? await ctx.request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
      : await ctx.request.post(`/trpc/${path}`, { data: input });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok() || !body.result) throw new Error(`${path} 失败：${body.error?.message ?? res.status()}`);
  return body.result.data;
}
