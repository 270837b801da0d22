import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/index.ts";
import { ADMIN_PASSWORD, type Backend } from "./backends.ts";
import { type Client, failure, loggedIn, makeClient } from "./client.ts";
import { planDocument } from "./fixtures.ts";

/**
 * Every role × jurisdiction relation × procedure of the whole AppRouter (auth, core, procurement,
 * credit), generated from the table below; the first test fails when a procedure is missing.
 * Users are scoped to 黄石市 (420200); targets are its own plan and records, a descendant's
 * (黄石港区 420202), an ancestor's (湖北省 420000) and an unrelated one's (南阳市 411300). An
 * allowed call must succeed; a refused one must answer FORBIDDEN; an anonymous one UNAUTHORIZED
 * (except the public auth.login/logout/me). Lists that filter instead of refusing check that the
 * target is shown exactly when the caller may see it.
 */
type Role = "admin" | "planner" | "reporter" | "viewer";
type Relation = "own" | "descendant" | "ancestor" | "unrelated";
type Rule =
  | "read"
  | "readSubtree"
  | "editPlan"
  | "enterData"
  | "enterOwn"
  | "review"
  | "admin"
  | "editPlanRole"
  | "session"
  | "public"
  | "editProvince";

const roles: Role[] = ["admin", "planner", "reporter", "viewer"];
const relations: Relation[] = ["own", "descendant", "ancestor", "unrelated"];
const codes: Record<Relation, { code: string; name: string }> = {
  own: { code: "420200", name: "黄石市" },
  descendant: { code: "420202", name: "黄石港区" },
  ancestor: { code: "420000", name: "湖北省" },
  unrelated: { code: "411300", name: "南阳市" },
};

function allowed(role: Role, relation: Relation, rule: Rule): boolean {
  if (role === "admin") return true;
  const inScope = relation === "own" || relation === "descendant";
  switch (rule) {
    case "admin":
      return false;
    case "read":
      return relation !== "unrelated";
    case "readSubtree":
      return inScope;
    case "editPlan":
      return role === "planner" && inScope;
    case "enterData":
      return (role === "planner" || role === "reporter") && inScope;
    // A year's figures are written and submitted by the plan's own level only: an upper level
    // returns them instead of overwriting them.
    case "enterOwn":
      return (role === "planner" || role === "reporter") && relation === "own";
    // Review (通过 / 退回) is for a 规划编辑 of a level above the plan's.
    case "review":
      return role === "planner" && relation === "descendant";
    case "editPlanRole":
      return role === "planner";
    // Provincial batches belong to the target's province: 湖北省 (an ancestor of 黄石市, never
    // writable) for own/descendant/ancestor targets, 河南省 (unrelated) for 南阳市.
    case "editProvince":
      return allowed(role, relation === "unrelated" ? "unrelated" : "ancestor", "editPlan");
    case "session":
    case "public":
      return true;
  }
}

/** Ids of the target plan's entities (re-read before each call so versions are current). */
interface Target {
  code: string;
  name: string;
  planId: string;
  indicatorId: string;
  taskId: string;
  projectId: string;
  itemId: string;
  userId: string;
  /** A batch of the target's province, and the target's implementation record of it. */
  batchId: string;
  batchName: string;
  implementationId: string;
  /** A designated institution located in the target jurisdiction, and a deduction item in force there. */
  institutionCode: string;
  deductionItem: string;
}

const SCOPED_PASSWORD = "Scoped-pass-1";
const passwordOf = (role: Role) => (role === "admin" ? ADMIN_PASSWORD : SCOPED_PASSWORD);

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

type Call = (c: Client, t: Target, admin: Client) => Promise<unknown>;
export const procedures: [name: string, rule: Rule, call: Call][] = [
  // ----- auth: login/logout/me answer anonymous callers too; they act on the caller's own session -----
  ["auth.me", "public", (c) => c.auth.me.query()],
  [
    "auth.logout",
    "public",
    async (c) => {
      const me = await c.auth.me.query();
      await c.auth.logout.mutate();
      if ((await c.auth.me.query()) !== null) throw new Error("still signed in after logout");
      if (me) await c.auth.login.mutate({ username: me.username, password: passwordOf(me.role) });
      return me;
    },
  ],
  [
    "auth.login",
    "public",
    async (c) => {
      const me = await c.auth.me.query();
      return me ? c.auth.login.mutate({ username: me.username, password: passwordOf(me.role) }) : null;
    },
  ],
  [
    "auth.changePassword",
    "session",
    async (c) => {
      const me = await c.auth.me.query();
      const current = passwordOf(me?.role ?? "viewer");
      await c.auth.changePassword.mutate({ currentPassword: current, newPassword: `${current}x` });
      return c.auth.changePassword.mutate({ currentPassword: `${current}x`, newPassword: current });
    },
  ],
  ["jurisdictions.get", "read", (c, t) => c.jurisdictions.get.query({ code: t.code })],
  ["jurisdictions.tree", "read", (c, t) => c.jurisdictions.tree.query({ root: t.code })],
  // A list filters instead of refusing: the target is listed exactly when the caller may read it.
  [
    "jurisdictions.list",
    "session",
    async (c, t) => {
      const listed = (await c.jurisdictions.list.query({ q: t.code })).items.some((j) => j.code === t.code);
      const me = await c.auth.me.query();
      const readable = me!.role === "admin" || t.code !== codes.unrelated.code;
      if (listed !== readable) throw new Error(`jurisdictions.list ${listed ? "shows" : "hides"} ${t.code}`);
      return listed;
    },
  ],
  [
    "jurisdictions.create",
    "admin",
    (c, t) =>
      c.jurisdictions.create
        .mutate({
          code: `${t.code.slice(0, 4)}${String(10 + (seq++ % 89))}`.slice(0, 6),
          name: `测试区${uniq()}`,
          level: "county",
          parentCode: t.code,
        })
        .catch(ignoreDuplicate),
  ],
  [
    "jurisdictions.update",
    "admin",
    async (c, t, a) => {
      const j = await a.jurisdictions.get.query({ code: t.code });
      return c.jurisdictions.update.mutate({ code: t.code, version: j.version, data: { name: t.name } });
    },
  ],
  ["plans.list", "read", (c, t) => c.plans.list.query({ jurisdictionCode: t.code })],
  ["plans.get", "read", (c, t) => c.plans.get.query({ id: t.planId })],
  [
    "plans.create",
    "editPlan",
    (c, t) =>
      c.plans.create.mutate({
        jurisdictionCode: t.code,
        title: `新规划${uniq()}`,
        issuer: null,
        documentNumber: null,
        issueDate: null,
        periodStart: 2021,
        periodEnd: 2025,
        baselineYear: 2020,
        status: "draft",
        parentPlanId: null,
      }),
  ],
  [
    "plans.update",
    "editPlan",
    async (c, t, a) => {
      const p = await a.plans.get.query({ id: t.planId });
      return c.plans.update.mutate({ id: t.planId, version: p.version, data: { documentNumber: uniq() } });
    },
  ],
  [
    "plans.delete",
    "editPlan",
    async (c, t, a) => {
      const p = await a.plans.create.mutate({
        jurisdictionCode: t.code,
        title: `待删除${uniq()}`,
        issuer: null,
        documentNumber: null,
        issueDate: null,
        periodStart: 2021,
        periodEnd: 2025,
        baselineYear: 2020,
        status: "draft",
        parentPlanId: null,
      });
      return c.plans.delete.mutate({ id: p.id, version: p.version });
    },
  ],
  ["plans.removalImpact", "editPlan", (c, t) => c.plans.removalImpact.query({ id: t.planId })],
  ["indicators.previewTarget", "session", (c) => c.indicators.previewTarget.query({ text: "≥97%" })],
  ["indicators.list", "read", (c, t) => c.indicators.list.query({ planId: t.planId })],
  ["indicators.get", "read", (c, t) => c.indicators.get.query({ id: t.indicatorId })],
  [
    "indicators.create",
    "editPlan",
    (c, t) => c.indicators.create.mutate({ planId: t.planId, ...indicatorFields(`指标${uniq()}`) }),
  ],
  [
    "indicators.update",
    "editPlan",
    async (c, t, a) => {
      const i = await a.indicators.get.query({ id: t.indicatorId });
      return c.indicators.update.mutate({ id: i.id, version: i.version, data: { footnote: uniq() } });
    },
  ],
  [
    "indicators.delete",
    "editPlan",
    async (c, t, a) => {
      const i = await a.indicators.create.mutate({ planId: t.planId, ...indicatorFields(`待删${uniq()}`) });
      return c.indicators.delete.mutate({ id: i.id, version: i.version });
    },
  ],
  ["observations.list", "read", (c, t) => c.observations.list.query({ planId: t.planId })],
  [
    "observations.upsertYear",
    "enterOwn",
    async (c, t, a) => {
      const cur = (await a.observations.list.query({ planId: t.planId })).find(
        (o) => o.indicatorId === t.indicatorId && o.year === 2023,
      );
      return c.observations.upsertYear.mutate({
        planId: t.planId,
        year: 2023,
        rows: [
          {
            indicatorId: t.indicatorId,
            value: { kind: "number", value: 90 + (seq++ % 10) },
            version: cur?.version ?? null,
          },
        ],
      });
    },
  ],
  // ----- the reporting cycle: 2022 moves through submit / return / approve / unlock; helpers
  // (a reporter of the target's own level, a national reviewer) bring it to the state a row needs.
  ["cycle.status", "read", (c, t) => c.cycle.status.query({ planId: t.planId, year: CYCLE_YEAR })],
  [
    "cycle.submit",
    "enterOwn",
    async (c, t, a) => {
      await cycleTo(a, t, "filling");
      return c.cycle.submit.mutate({ planId: t.planId, year: CYCLE_YEAR });
    },
  ],
  [
    "cycle.return",
    "review",
    async (c, t, a) => {
      await cycleTo(a, t, "submitted");
      return c.cycle.return.mutate({ planId: t.planId, year: CYCLE_YEAR, reason: "矩阵退回" });
    },
  ],
  [
    "cycle.approve",
    "review",
    async (c, t, a) => {
      await cycleTo(a, t, "submitted");
      return c.cycle.approve.mutate({ planId: t.planId, year: CYCLE_YEAR });
    },
  ],
  [
    "cycle.unlock",
    "admin",
    async (c, t, a) => {
      await cycleTo(a, t, "approved");
      return c.cycle.unlock.mutate({ planId: t.planId, year: CYCLE_YEAR, reason: "矩阵解锁" });
    },
  ],
  ["cycle.queue", "session", (c) => c.cycle.queue.query({})],
  ["cycle.todo", "session", (c) => c.cycle.todo.query()],
  [
    "cycle.completeness",
    "readSubtree",
    (c, t) => c.cycle.completeness.query({ rootCode: t.code, year: CYCLE_YEAR }),
  ],
  ["cycle.windows", "session", (c) => c.cycle.windows.query({})],
  [
    "cycle.openWindow",
    "admin",
    (c, t) => c.cycle.openWindow.mutate({ year: WINDOW_YEAR, rootCode: t.code, deadline: "2020-02-28" }),
  ],
  [
    "cycle.closeWindow",
    "admin",
    async (c, t, a) => {
      const w = await a.cycle.openWindow.mutate({
        year: WINDOW_YEAR,
        rootCode: t.code,
        deadline: "2020-02-28",
      });
      return c.cycle.closeWindow.mutate({ id: w.id });
    },
  ],
  ["cycle.explanations", "read", (c, t) => c.cycle.explanations.query({ planId: t.planId, year: 2021 })],
  [
    "cycle.saveExplanations",
    "enterOwn",
    async (c, t, a) => {
      const cur = (await a.cycle.explanations.query({ planId: t.planId, year: 2021 })).find(
        (e) => e.indicatorId === t.indicatorId,
      );
      return c.cycle.saveExplanations.mutate({
        planId: t.planId,
        year: 2021,
        rows: [
          {
            indicatorId: t.indicatorId,
            cause: `原因${uniq()}`,
            measure: "措施",
            responsibleUnit: null,
            version: cur?.version ?? null,
          },
        ],
      });
    },
  ],
  ["cycle.assessments", "read", (c, t) => c.cycle.assessments.query({ planId: t.planId, year: 2021 })],
  [
    "cycle.assess",
    "enterOwn",
    async (c, t, a) => {
      const cur = (await a.cycle.assessments.query({ planId: t.planId, year: 2021 })).find(
        (e) => e.indicatorId === t.indicatorId,
      );
      return c.cycle.assess.mutate({
        indicatorId: t.indicatorId,
        year: 2021,
        subject: null,
        grade: "onPace",
        reason: uniq(),
        version: cur?.version ?? null,
      });
    },
  ],
  ["indicators.revisions", "read", (c, t) => c.indicators.revisions.query({ indicatorId: t.indicatorId })],
  [
    "indicators.reviseTarget",
    "editPlan",
    async (c, t, a) => {
      // One revision per year; later than the approved 2022 and inside the period.
      const taken = (await a.indicators.revisions.query({ indicatorId: t.indicatorId })).length;
      return c.indicators.reviseTarget.mutate({
        indicatorId: t.indicatorId,
        effectiveYear: 2025 - taken,
        targetText: "≥98%",
        reason: "矩阵调整",
        basis: "矩阵文件",
      });
    },
  ],
  ["workIndicators.propose", "read", (c, t) => c.workIndicators.propose.query({ planId: t.planId })],
  ["workIndicators.list", "read", (c, t) => c.workIndicators.list.query({ planId: t.planId })],
  [
    "workIndicators.confirm",
    "editPlan",
    (c, t) =>
      c.workIndicators.confirm.mutate({
        planId: t.planId,
        owner: { kind: "task", id: t.taskId },
        name: `工作指标${uniq()}`,
        unit: "%",
        stages: [
          { year: 2023, targetText: "≥50%" },
          { year: 2024, targetText: "≥70%" },
        ],
      }),
  ],
  ["tasks.list", "read", (c, t) => c.tasks.list.query({ planId: t.planId })],
  [
    "tasks.create",
    "editPlan",
    (c, t) => c.tasks.create.mutate({ planId: t.planId, parentId: t.taskId, title: `任务${uniq()}` }),
  ],
  [
    "tasks.update",
    "editPlan",
    async (c, t, a) => {
      const task = (await a.tasks.list.query({ planId: t.planId })).find((x) => x.id === t.taskId)!;
      return c.tasks.update.mutate({ id: task.id, version: task.version, data: { leadDepartment: uniq() } });
    },
  ],
  [
    "tasks.setStatus",
    "enterData",
    async (c, t, a) => {
      const task = (await a.tasks.list.query({ planId: t.planId })).find((x) => x.id === t.taskId)!;
      return c.tasks.setStatus.mutate({
        id: task.id,
        version: task.version,
        status: task.status === "inProgress" ? "delayed" : "inProgress",
      });
    },
  ],
  [
    "tasks.delete",
    "editPlan",
    async (c, t, a) => {
      const task = await a.tasks.create.mutate({ planId: t.planId, parentId: null, title: `待删${uniq()}` });
      return c.tasks.delete.mutate({ id: task.id, version: task.version });
    },
  ],
  [
    "tasks.saveProgress",
    "enterData",
    async (c, t, a) => {
      const task = (await a.tasks.list.query({ planId: t.planId })).find((x) => x.id === t.taskId)!;
      const note = task.progress.find((n) => n.year === 2023);
      return c.tasks.saveProgress.mutate({
        taskId: t.taskId,
        year: 2023,
        text: `进展${uniq()}`,
        version: note?.version ?? null,
      });
    },
  ],
  ["projects.list", "read", (c, t) => c.projects.list.query({ planId: t.planId })],
  [
    "projects.create",
    "editPlan",
    (c, t) => c.projects.create.mutate({ planId: t.planId, number: "专栏9", title: `专栏${uniq()}` }),
  ],
  [
    "projects.update",
    "editPlan",
    async (c, t, a) => {
      const p = (await a.projects.list.query({ planId: t.planId })).find((x) => x.id === t.projectId)!;
      return c.projects.update.mutate({ id: p.id, version: p.version, data: { title: `专栏${uniq()}` } });
    },
  ],
  [
    "projects.delete",
    "editPlan",
    async (c, t, a) => {
      const p = await a.projects.create.mutate({ planId: t.planId, number: "专栏0", title: `待删${uniq()}` });
      return c.projects.delete.mutate({ id: p.id, version: p.version });
    },
  ],
  [
    "projects.createItem",
    "editPlan",
    (c, t) => c.projects.createItem.mutate({ projectId: t.projectId, title: `事项${uniq()}` }),
  ],
  [
    "projects.updateItem",
    "editPlan",
    async (c, t, a) => {
      const item = await currentItem(a, t);
      return c.projects.updateItem.mutate({ id: item.id, version: item.version, data: { text: uniq() } });
    },
  ],
  [
    "projects.setItemStatus",
    "enterData",
    async (c, t, a) => {
      const item = await currentItem(a, t);
      return c.projects.setItemStatus.mutate({
        id: item.id,
        version: item.version,
        status: item.status === "completed" ? "inProgress" : "completed",
      });
    },
  ],
  [
    "projects.deleteItem",
    "editPlan",
    async (c, t, a) => {
      const item = await a.projects.createItem.mutate({ projectId: t.projectId, title: `待删${uniq()}` });
      return c.projects.deleteItem.mutate({ id: item.id, version: item.version });
    },
  ],
  [
    "projects.saveItemProgress",
    "enterData",
    async (c, t, a) => {
      const item = await currentItem(a, t);
      const note = item.progress.find((n) => n.year === 2023);
      return c.projects.saveItemProgress.mutate({
        projectItemId: item.id,
        year: 2023,
        text: `进展${uniq()}`,
        version: note?.version ?? null,
      });
    },
  ],
  ["evaluation.matrix", "read", (c, t) => c.evaluation.matrix.query({ planId: t.planId, year: 2023 })],
  [
    "evaluation.subtree",
    "readSubtree",
    (c, t) => c.evaluation.subtree.query({ jurisdictionCode: t.code, year: 2023 }),
  ],
  // 全国 roll-up: national scope only (administrators; every user here is scoped to 黄石市).
  ["evaluation.national", "admin", (c) => c.evaluation.national.query({ year: 2023 })],
  [
    "reports.generate",
    "read",
    (c, t) => c.reports.generate.mutate({ planId: t.planId, year: 2023, kind: "annual", format: "md" }),
  ],
  [
    "reports.model",
    "read",
    (c, t) => c.reports.model.query({ planId: t.planId, year: 2023, kind: "annual" }),
  ],
  [
    "reports.workIndicators",
    "read",
    (c, t) => c.reports.workIndicators.query({ planId: t.planId, year: 2023 }),
  ],
  [
    "reports.setOutlineKind",
    "editPlan",
    async (c, t, a) => {
      const task = (await a.tasks.list.query({ planId: t.planId })).find((x) => x.id === t.taskId)!;
      return c.reports.setOutlineKind.mutate({ taskId: task.id, kind: "keyTask", version: task.version });
    },
  ],
  ["import.commit", "editPlan", (c, t) => c.import.commit.mutate({ document: planDocument(t.code, t.name) })],
  [
    "import.preview",
    "editPlanRole",
    (c) =>
      c.import.preview
        .mutate({ fileName: "x.txt", contentBase64: Buffer.from("十四五规划").toString("base64") })
        .catch(ignoreUnreadable),
  ],
  ["audit.list", "read", (c, t) => c.audit.list.query({ jurisdictionCode: t.code })],
  ["users.list", "admin", (c, t) => c.users.list.query({ jurisdictionCode: t.code })],
  [
    "users.create",
    "admin",
    (c, t) =>
      c.users.create.mutate({
        username: `u${uniq()}`,
        displayName: "新用户",
        role: "viewer",
        jurisdictionCode: t.code,
      }),
  ],
  [
    "users.update",
    "admin",
    async (c, t, a) => {
      const u = (await a.users.list.query({ jurisdictionCode: t.code, q: "target-" })).items[0]!;
      return c.users.update.mutate({ id: u.id, version: u.version, data: { displayName: `目标${uniq()}` } });
    },
  ],
  ["users.resetPassword", "admin", (c, t) => c.users.resetPassword.mutate({ id: t.userId })],

  // ----- procurement: batches are shared reference data; implementations are scoped -----
  ["procurement.batches.list", "session", (c) => c.procurement.batches.list.query({ category: "drug" })],
  ["procurement.batches.get", "session", (c, t) => c.procurement.batches.get.query({ id: t.batchId })],
  ["procurement.batches.loadReference", "admin", (c) => c.procurement.batches.loadReference.mutate()],
  // import: who may write depends on what the file holds, so each kind is its own row.
  [
    "procurement.import:batches",
    "editProvince",
    (c, t) =>
      imported(
        c.procurement.import.mutate({
          kind: "batches",
          fileName: "批次.csv",
          contentBase64: csv(
            `层级,批次名称,公布日期,类别,参与省份\n省级,矩阵批次${uniq()},2021-03-15,药品,${provinceOf(t.code)}`,
          ),
        }),
      ),
  ],
  [
    "procurement.import:nationalBatches",
    "admin",
    (c) =>
      imported(
        c.procurement.import.mutate({
          kind: "batches",
          fileName: "批次.csv",
          contentBase64: csv(
            `层级,批次名称,公布日期,类别,品种数\n国家组织,矩阵国家批次${uniq()},2026-10,药品,50`,
          ),
        }),
      ),
  ],
  [
    "procurement.import:varieties",
    "editProvince",
    (c, t) =>
      imported(
        c.procurement.import.mutate({
          kind: "varieties",
          fileName: "品种.csv",
          contentBase64: csv(`批次名称,品种名称\n${t.batchName},矩阵药${uniq()}片`),
        }),
      ),
  ],
  [
    "procurement.import:implementations",
    "enterData",
    async (c, t, a) => {
      const batch = await freshBatch(a, t.code);
      return imported(
        c.procurement.import.mutate({
          kind: "implementations",
          fileName: "执行.csv",
          contentBase64: csv(`批次名称,行政区划代码,执行日期\n${batch.name},${t.code},2022-01-01`),
        }),
      );
    },
  ],
  [
    "procurement.implementations.list",
    "read",
    (c, t) => c.procurement.implementations.list.query({ jurisdictionCode: t.code }),
  ],
  [
    "procurement.implementations.create",
    "enterData",
    async (c, t, a) =>
      c.procurement.implementations.create.mutate({
        batchId: (await freshBatch(a, t.code)).id,
        jurisdictionCode: t.code,
        ...implementationFields,
      }),
  ],
  [
    "procurement.implementations.update",
    "enterData",
    async (c, t, a) => {
      const rows = await a.procurement.implementations.list.query({ jurisdictionCode: t.code });
      const impl = rows.find((r) => r.id === t.implementationId) as { id: string; version: number };
      return c.procurement.implementations.update.mutate({
        id: impl.id,
        version: impl.version,
        data: { note: uniq() },
      });
    },
  ],
  [
    "procurement.implementations.delete",
    "enterData",
    async (c, t, a) => {
      const impl = await a.procurement.implementations.create.mutate({
        batchId: (await freshBatch(a, t.code)).id,
        jurisdictionCode: t.code,
        ...implementationFields,
      });
      return c.procurement.implementations.delete.mutate({ id: impl.id, version: impl.version });
    },
  ],
  [
    "procurement.counts.series",
    "read",
    (c, t) =>
      c.procurement.counts.series.query({
        jurisdictionCode: t.code,
        category: "drug",
        fromYear: 2020,
        toYear: 2023,
      }),
  ],
  ["procurement.bindings.list", "read", (c, t) => c.procurement.bindings.list.query({ planId: t.planId })],
  [
    "procurement.bindings.set",
    "editPlan",
    async (c, t, a) =>
      c.procurement.bindings.set.mutate({ indicatorId: await boundIndicator(a, t), category: "drug" }),
  ],
  [
    "procurement.counts.derived",
    "read",
    (c, t) => c.procurement.counts.derived.query({ planId: t.planId, years: [2023] }),
  ],
  [
    "procurement.counts.reportSection",
    "read",
    (c, t) => c.procurement.counts.reportSection.query({ planId: t.planId, year: 2023 }),
  ],

  // ----- credit: records are scoped by the rated province / the institution's jurisdiction -----
  // Without a province the list filters: the target's events are listed exactly when readable.
  [
    "credit.companies.events",
    "session",
    async (c, t) => {
      const events = await c.credit.companies.events.query({ companyId: MATRIX_COMPANY, limit: 1000 });
      const shown = events.some((e) => e.province === t.code);
      await expectVisible(c, t, shown, "read", "credit.companies.events");
      return events;
    },
  ],
  [
    "credit.companies.events:province",
    "read",
    (c, t) => c.credit.companies.events.query({ province: t.code, limit: 10 }),
  ],
  [
    "credit.companies.createEvent",
    "enterData",
    (c, t) => c.credit.companies.createEvent.mutate(companyEvent(t.code)),
  ],
  [
    "credit.companies.deleteEvent",
    "enterData",
    async (c, t, a) => {
      const e = await a.credit.companies.createEvent.mutate(companyEvent(t.code));
      return c.credit.companies.deleteEvent.mutate({ id: e.id });
    },
  ],
  [
    "credit.importCompanyEvents",
    "enterData",
    (c, t) =>
      imported(
        c.credit.importCompanyEvents.mutate({
          fileName: "事项.csv",
          contentBase64: csv(
            `企业编码,企业名称,评价省份代码,失信事项,案号,涉案金额（元）,认定日期,案件来源\nM${uniq()},矩阵导入公司,${t.code},医药商业贿赂,k${uniq()},114万,2022-06-01,法院判决`,
          ),
        }),
      ),
  ],
  [
    "credit.companies.createRepair",
    "enterData",
    (c, t) =>
      c.credit.companies.createRepair.mutate({
        companyId: MATRIX_COMPANY,
        province: t.code,
        caseRef: null,
        date: "2024-06-01",
      }),
  ],
  [
    "credit.companies.recomputeRatings",
    "admin",
    (c) => c.credit.companies.recomputeRatings.mutate(MATRIX_QUARTER),
  ],
  [
    "credit.companies.ratings",
    "read",
    (c, t) => c.credit.companies.ratings.query({ ...MATRIX_QUARTER, province: t.code }),
  ],
  // All provinces at once: only for users without a scope root (administrators, national staff).
  ["credit.companies.ratings:allProvinces", "admin", (c) => c.credit.companies.ratings.query(MATRIX_QUARTER)],
  // A company's history lists only the provinces the caller may read.
  [
    "credit.companies.history",
    "session",
    async (c, t) => {
      const rows = await c.credit.companies.history.query({ companyId: MATRIX_COMPANY });
      await expectVisible(
        c,
        t,
        rows.some((r) => r.provinceCode === t.code),
        "read",
        "credit.companies.history",
      );
      return rows;
    },
  ],
  // The national roll-up of 严重/特别严重 is published nationally: every signed-in user may read it.
  ["credit.companies.rollup", "session", (c) => c.credit.companies.rollup.query(MATRIX_QUARTER)],
  ["credit.institutions.ruleSets", "session", (c) => c.credit.institutions.ruleSets.query()],
  [
    "credit.institutions.saveRuleSet",
    "admin",
    async (c, _t, a) =>
      c.credit.institutions.saveRuleSet.mutate({ ruleSet: await ruleSetFor(a, "410000", "河南省") }),
  ],
  [
    "credit.institutions.upsert",
    "enterData",
    (c, t) => c.credit.institutions.upsert.mutate(institution(t.institutionCode, t.code)),
  ],
  // Re-registering another jurisdiction's institution under one's own code must not move it.
  [
    "credit.institutions.upsert:move",
    "enterData",
    async (c, t, a) => {
      const code = `HM${uniq()}`;
      await a.credit.institutions.upsert.mutate(institution(code, t.code));
      return c.credit.institutions.upsert.mutate(institution(code, codes.own.code));
    },
  ],
  [
    "credit.institutions.createDeduction",
    "enterData",
    (c, t) =>
      c.credit.institutions.createDeduction.mutate({
        institutionCode: t.institutionCode,
        itemCode: t.deductionItem,
        date: "2026-03-01",
      }),
  ],
  [
    "credit.institutions.setFlag",
    "enterData",
    (c, t) =>
      c.credit.institutions.setFlag.mutate({
        institutionCode: t.institutionCode,
        year: 2026,
        flag: "seriousDishonestyList",
        on: seq++ % 2 === 0,
      }),
  ],
  ["credit.institutions.regrade", "admin", (c) => c.credit.institutions.regrade.mutate({ year: 2026 })],
  [
    "credit.institutions.grades",
    "readSubtree",
    (c, t) => c.credit.institutions.grades.query({ year: 2026, jurisdictionCode: t.code }),
  ],
  [
    "credit.institutions.gradeDistribution",
    "readSubtree",
    (c, t) => c.credit.institutions.gradeDistribution.query({ year: 2026, jurisdictionCode: t.code }),
  ],
  [
    "credit.staff.createScoring",
    "enterData",
    (c, t) =>
      c.credit.staff.createScoring.mutate({
        personId: `P${uniq()}`,
        personName: "矩阵人员",
        institutionId: t.institutionCode,
        points: 1,
        date: "2025-03-01",
        act: "串换药品",
      }),
  ],
  // Standings list the people of the caller's own subtree (ancestors' institutions are not theirs).
  [
    "credit.staff.standings",
    "session",
    async (c, t) => {
      const { standings } = await c.credit.staff.standings.query({
        asOf: "2025-12-31",
        personId: `P-${t.code}`,
      });
      await expectVisible(c, t, standings.length > 0, "readSubtree", "credit.staff.standings");
      return standings;
    },
  ],
  // ----- jurisdiction upkeep, departments, work items and attachments (issue 16) -----
  ["jurisdictions.children", "admin", (c, t) => c.jurisdictions.children.query({ parentCode: t.code })],
  [
    "jurisdictions.move",
    "admin",
    async (c, _t, a) => {
      // A fresh county directly under 湖北省 (省直辖), moved under 黄石市: allowed for administrators only.
      const code = nextCountyCode();
      const j = await a.jurisdictions.create.mutate({
        code,
        name: `迁移县${code}`,
        level: "county",
        parentCode: "420000",
      });
      return c.jurisdictions.move.mutate({ code: j.code, version: 1, parentCode: "420200" });
    },
  ],
  [
    "jurisdictions.retire",
    "admin",
    async (c, _t, a) => {
      const code = nextCountyCode();
      await a.jurisdictions.create.mutate({
        code,
        name: `撤销县${code}`,
        level: "county",
        parentCode: "420000",
      });
      return c.jurisdictions.retire.mutate({ code, version: 1, retired: true });
    },
  ],
  ["departments.list", "read", (c, t) => c.departments.list.query({ jurisdictionCode: t.code })],
  [
    "departments.create",
    "editPlan",
    (c, t) => c.departments.create.mutate({ jurisdictionCode: t.code, name: `矩阵部门${uniq()}` }),
  ],
  [
    "departments.update",
    "editPlan",
    async (c, t, a) => {
      const d = await a.departments.create.mutate({ jurisdictionCode: t.code, name: `待改部门${uniq()}` });
      return c.departments.update.mutate({
        id: d.id,
        version: d.version,
        data: { name: `已改部门${uniq()}` },
      });
    },
  ],
  [
    "departments.delete",
    "editPlan",
    async (c, t, a) => {
      const d = await a.departments.create.mutate({ jurisdictionCode: t.code, name: `待删部门${uniq()}` });
      return c.departments.delete.mutate({ id: d.id, version: d.version });
    },
  ],
  [
    "tasks.move",
    "editPlan",
    async (c, t, a) => {
      const task = await a.tasks.create.mutate({ planId: t.planId, parentId: null, title: `排序${uniq()}` });
      return c.tasks.move.mutate({ id: task.id, version: task.version, direction: "up" });
    },
  ],
  [
    "tasks.byLeadUnit",
    "read",
    (c, t) => c.tasks.byLeadUnit.query({ jurisdictionCode: t.code, today: "2024-07-01" }),
  ],
  [
    "projects.moveItem",
    "editPlan",
    async (c, t, a) => {
      const item = await a.projects.createItem.mutate({ projectId: t.projectId, title: `排序${uniq()}` });
      return c.projects.moveItem.mutate({ id: item.id, version: item.version, direction: "up" });
    },
  ],
  ["attachments.list", "read", (c, t) => c.attachments.list.query({ taskId: t.taskId })],
  [
    "attachments.upload",
    "enterData",
    (c, t) =>
      c.attachments.upload.mutate({ taskId: t.taskId, fileName: "佐证.pdf", contentBase64: MATRIX_PDF }),
  ],
  [
    "attachments.download",
    "read",
    async (c, t, a) => {
      const f = await a.attachments.upload.mutate({
        taskId: t.taskId,
        fileName: "下载.pdf",
        contentBase64: MATRIX_PDF,
      });
      return c.attachments.download.query({ id: f.id });
    },
  ],
  [
    "attachments.delete",
    "enterData",
    async (c, t, a) => {
      const f = await a.attachments.upload.mutate({
        taskId: t.taskId,
        fileName: "删除.pdf",
        contentBase64: MATRIX_PDF,
      });
      return c.attachments.delete.mutate({ id: f.id });
    },
  ],
  [
    "plans.resolveWarning",
    "editPlan",
    async (c, t, a) => {
      const w = { line: 7, message: "无法识别的指标行", text: `矩阵${uniq()}` };
      const doc = { ...planDocument(t.code, t.name, `带提示的规划${uniq()}`), warnings: [w] };
      const saved = await a.import.commit.mutate({ document: doc });
      const p = await a.plans.get.query({ id: saved.planId });
      return c.plans.resolveWarning.mutate({ id: p.id, version: p.version, ...w, resolved: true });
    },
  ],
  // ----- end of issue 16 rows -----
  // ----- policies (issue 20): a jurisdiction reads its own and its ancestors' (pooling areas')
  // documents; writes need editPlan in the document's jurisdiction (statistics: enterData) -----
  ["policies.list", "read", (c, t) => c.policies.list.query({ jurisdictionCode: t.code })],
  ["policies.get", "read", async (c, t, a) => c.policies.get.query({ id: await policyDocOf(a, t) })],
  ["policies.create", "editPlan", (c, t) => c.policies.create.mutate(policyFields(t))],
  [
    "policies.update",
    "editPlan",
    async (c, t, a) => {
      const id = await policyDocOf(a, t);
      const cur = await a.policies.get.query({ id });
      return c.policies.update.mutate({
        id,
        version: cur.version,
        data: { ...policyFields(t), title: cur.title },
      });
    },
  ],
  [
    "policies.repeal",
    "editPlan",
    async (c, t, a) => {
      const d = await a.policies.create.mutate(policyFields(t));
      return c.policies.repeal.mutate({ id: d.id, version: d.version, repealedOn: "2024-01-01" });
    },
  ],
  [
    "policies.inForce",
    "read",
    (c, t) => c.policies.inForce.query({ jurisdictionCode: t.code, date: "2024-06-30" }),
  ],
  [
    "policies.history",
    "read",
    (c, t) =>
      c.policies.history.query({
        jurisdictionCode: t.code,
        dimensions: { kind: "reimbursementRatio", scheme: "resident" },
      }),
  ],
  [
    "policies.compare",
    "read",
    (c, t) => c.policies.compare.query({ jurisdictionCode: t.code, from: "2022-06-30", to: "2024-06-30" }),
  ],
  [
    "policies.check",
    "read",
    (c, t) => c.policies.check.query({ jurisdictionCode: t.code, date: "2024-06-30" }),
  ],
  // Proposals are computed from the text the caller sends and stored nowhere.
  [
    "policies.propose",
    "session",
    (c) =>
      c.policies.propose.mutate({
        text: "全市一、二、三级医疗机构住院起付线稳定在200元、500元、800元。",
        defaultYear: 2020,
      }),
  ],
  ["policies.poolingAreas", "read", (c, t) => c.policies.poolingAreas.query({ jurisdictionCode: t.code })],
  [
    "policies.setPoolingArea",
    "editPlan",
    async (c, t, a) => {
      const cur = (await a.policies.poolingAreas.query({ jurisdictionCode: t.code })).find(
        (p) => p.jurisdictionCode === t.code && p.scheme === "longTermCare",
      );
      return c.policies.setPoolingArea.mutate({
        jurisdictionCode: t.code,
        scheme: "longTermCare",
        level: "city",
        version: cur?.version ?? null,
      });
    },
  ],
  ["policies.statistics", "read", (c, t) => c.policies.statistics.query({ jurisdictionCode: t.code })],
  [
    "policies.setStatistic",
    "enterData",
    async (c, t, a) => {
      const cur = (await a.policies.statistics.query({ jurisdictionCode: t.code })).find(
        (s) => s.year === 2023,
      );
      return c.policies.setStatistic.mutate({
        jurisdictionCode: t.code,
        statistic: "residentDisposableIncome",
        year: 2023,
        value: 30_000,
        version: cur?.version ?? null,
      });
    },
  ],
  [
    "policies.exportInForce",
    "read",
    (c, t) => c.policies.exportInForce.query({ jurisdictionCode: t.code, date: "2024-06-30" }),
  ],
  // ----- end of policies rows -----
];

/** A policy document without parameters (no overlap, no pooled scheme) in the target jurisdiction. */
const policyFields = (t: Target) => ({
  title: `矩阵政策${uniq()}`,
  issuer: `${t.name}医疗保障局`,
  jurisdictionCode: t.code,
  effectiveFrom: "2023-01-01",
});
const policyDocs = new Map<string, Promise<string>>();
/** One document per target and server, created by the administrator. */
function policyDocOf(a: Client, t: Target): Promise<string> {
  const key = `${matrixUrl} ${t.code}`;
  let p = policyDocs.get(key);
  if (!p) {
    p = a.policies.create.mutate(policyFields(t)).then((d) => d.id);
    policyDocs.set(key, p);
  }
  return p;
}

const MATRIX_PDF = Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64");
let countySeq = 0;
/** Unused county codes under 湖北省's 省直辖 range (4290xx is taken by 仙桃 etc. in reality; 4291xx is free). */
const nextCountyCode = () => `4291${String(10 + (countySeq++ % 89)).padStart(2, "0")}`;

const MATRIX_COMPANY = "matrix-co";
const CYCLE_YEAR = 2022;
/** Windows opened by the matrix are for a year no row writes. */
const WINDOW_YEAR = 2019;

/** The running server's address (helper users log in through it). */
let matrixUrl = "";
const helpers = new Map<string, Promise<Client>>();

/** A helper user, created once per server and signed in. */
function helper(a: Client, username: string, role: Role, jurisdictionCode: string | null): Promise<Client> {
  const key = `${matrixUrl} ${username}`;
  let p = helpers.get(key);
  if (!p) {
    p = (async () => {
      await a.users.create.mutate({
        username,
        displayName: username,
        role,
        jurisdictionCode,
        password: SCOPED_PASSWORD,
      });
      return loggedIn(matrixUrl, username, SCOPED_PASSWORD);
    })();
    helpers.set(key, p);
  }
  return p;
}

/**
 * Brings the target plan's CYCLE_YEAR to `goal` through legal moves: the target level's reporter
 * saves and submits, a second administrator returns or approves, the administrator unlocks.
 */
let cycleChain: Promise<unknown> = Promise.resolve();
/** One preparation at a time (the anonymous test calls every row at once). */
function cycleTo(a: Client, t: Target, goal: "filling" | "submitted" | "approved"): Promise<void> {
  const run = cycleChain.then(() => moveCycleTo(a, t, goal));
  cycleChain = run.catch(() => {});
  return run;
}

async function moveCycleTo(a: Client, t: Target, goal: "filling" | "submitted" | "approved") {
  const clerk = await helper(a, `clerk-${t.code}`, "reporter", t.code);
  const reviewer = await helper(a, "matrix-reviewer", "admin", null);
  const at = { planId: t.planId, year: CYCLE_YEAR };
  let state = (await a.cycle.status.query(at)).state;
  if (state === "approved") state = (await a.cycle.unlock.mutate({ ...at, reason: "矩阵准备" })).state;
  if (state === "submitted" && goal === "approved") {
    await reviewer.cycle.approve.mutate(at);
    return;
  }
  // A fresh submission by the clerk: the caller must never review their own.
  if (state === "submitted") await reviewer.cycle.return.mutate({ ...at, reason: "矩阵准备" });
  const cur = (
    await a.observations.list.query({ planId: t.planId, fromYear: CYCLE_YEAR, toYear: CYCLE_YEAR })
  ).find((o) => o.indicatorId === t.indicatorId);
  // 99.5 reaches every target a row sets (≥97%, ≥98%): no breach asks for 原因 on submit.
  await clerk.observations.upsertYear.mutate({
    ...at,
    rows: [
      {
        indicatorId: t.indicatorId,
        value: { kind: "number", value: 99.5 - (seq++ % 2) / 10 },
        version: cur?.version ?? null,
      },
    ],
  });
  if (goal === "filling") return;
  await clerk.cycle.submit.mutate(at);
  if (goal === "approved") await reviewer.cycle.approve.mutate(at);
}
const MATRIX_QUARTER = { year: 2024, quarter: 1 };
const implementationFields = {
  startDate: "2022-01-01",
  agreedVolume: null,
  completionRatePct: null,
  savingsWanYuan: null,
  note: null,
};

const csv = (text: string) => Buffer.from(`${text}\n`, "utf8").toString("base64");

/**
 * An import refuses a bad file (BAD_REQUEST with its rows) before any scope check, which the
 * matrix reports as a mismatch naming the rows: the matrix's files must be good.
 */
async function imported<T>(p: Promise<T>): Promise<T> {
  return p;
}

/** The target plan's procurement-count indicator (created on demand: import.commit replaces the plan's indicators). */
async function boundIndicator(a: Client, t: Target) {
  const name = "药品集中带量采购品种";
  const found = (await a.indicators.list.query({ planId: t.planId })).find((i) => i.name === name);
  return (found ?? (await a.indicators.create.mutate({ planId: t.planId, ...indicatorFields(name) }))).id;
}

const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;

/** A new batch of `code`'s province (an implementation is unique per batch and jurisdiction). */
async function freshBatch(a: Client, code: string) {
  const name = `矩阵批次${uniq()}`;
  await imported(
    a.procurement.import.mutate({
      kind: "batches",
      fileName: "批次.csv",
      contentBase64: csv(
        `层级,批次名称,公布日期,类别,参与省份\n省级,${name},2021-03-15,药品,${provinceOf(code)}`,
      ),
    }),
  );
  return (await a.procurement.batches.list.query({ level: "provincial" })).find((b) => b.name === name)!;
}

function companyEvent(province: string, companyId = `C${uniq()}`) {
  return {
    companyId,
    companyName: "矩阵测试医药公司",
    province,
    category: "bribery",
    caseRef: `（2024）矩阵${uniq()}`,
    amountYuan: 600_000,
    dateConfirmed: "2024-03-01",
    source: "court-judgment" as const,
  };
}

function institution(code: string, jurisdictionCode: string) {
  return {
    code,
    name: `矩阵定点医院${code}`,
    kind: "medical" as const,
    jurisdictionCode,
    designatedSince: "2015-01-01",
  };
}

/** Guangdong's shipped rule set, re-issued for `code` (deductions need a rule set in force there). */
async function ruleSetFor(a: Client, code: string, name: string) {
  const gd = (await a.credit.institutions.ruleSets.query()).find((r) => r.jurisdiction === "440000")!.ruleSet;
  return {
    ...gd,
    id: `matrix-${code}`,
    jurisdiction: code,
    jurisdictionName: name,
    name: `${name}医保信用评价（测试）`,
  };
}

/** For filtering reads: throws unless the target is shown exactly when the caller may see it. */
async function expectVisible(
  c: Client,
  t: Target,
  shown: boolean,
  scope: "read" | "readSubtree",
  name: string,
) {
  const me = (await c.auth.me.query())!;
  const rel = relations.find((r) => codes[r].code === t.code)!;
  const visible = allowed(me.role, rel, scope);
  if (shown !== visible) throw new Error(`${name} ${shown ? "shows" : "hides"} ${t.code} to ${me.role}`);
}

function indicatorFields(name: string) {
  return {
    category: "测试",
    name,
    unit: "%",
    baselineText: "90",
    targetText: "≥95%",
    attribute: "expected" as const,
    direction: "higher" as const,
    definition: null,
    footnote: null,
    assessment: "endOfPeriod" as const,
    parentIndicatorId: null,
  };
}

async function currentItem(a: Client, t: Target) {
  const p = (await a.projects.list.query({ planId: t.planId })).find((x) => x.id === t.projectId)!;
  return p.items.find((i) => i.id === t.itemId)!;
}

/** An allowed jurisdictions.create may pick a code already taken: that is not an authorisation result. */
function ignoreDuplicate(e: unknown) {
  if ((e as { data?: { code?: string } }).data?.code === "BAD_REQUEST") return null;
  throw e;
}
/** Without a configured importer (or with unreadable bytes) an allowed preview is UNPROCESSABLE_CONTENT. */
function ignoreUnreadable(e: unknown) {
  if ((e as { data?: { code?: string } }).data?.code === "UNPROCESSABLE_CONTENT") return null;
  throw e;
}

/**
 * The matrix on one backend. Each backend is its own test file, so the PGlite and PostgreSQL runs
 * (about 1,000 calls each) use both of vitest's workers instead of running one after the other.
 */
export function authorizationMatrix(backend: Backend): void {
  describe(`authorisation matrix on ${backend.name}`, () => {
    let server: RunningServer;
    let admin: Client;
    const clients = {} as Record<Role, Client>;
    const targets = {} as Record<Relation, Target>;

    beforeAll(async () => {
      server = await backend.start();
      matrixUrl = server.url;
      admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
      await admin.jurisdictions.create.mutate({
        code: "420202",
        name: "黄石港区",
        level: "county",
        parentCode: "420200",
      });
      // Deductions need a rule set in force: Guangdong's shipped one, re-issued for 湖北省 and 河南省.
      await admin.credit.institutions.saveRuleSet.mutate({
        ruleSet: await ruleSetFor(admin, "420000", "湖北省"),
      });
      await admin.credit.institutions.saveRuleSet.mutate({
        ruleSet: await ruleSetFor(admin, "410000", "河南省"),
      });
      for (const rel of relations) {
        const { code, name } = codes[rel];
        const saved = await admin.import.commit.mutate({ document: planDocument(code, name) });
        const [ind] = await admin.indicators.list.query({ planId: saved.planId });
        const tasks = await admin.tasks.list.query({ planId: saved.planId });
        const [project] = await admin.projects.list.query({ planId: saved.planId });
        const target = await admin.users.create.mutate({
          username: `target-${code}`,
          displayName: "目标",
          role: "viewer",
          jurisdictionCode: code,
          password: "Target-pass-1",
        });
        const batch = await freshBatch(admin, code);
        const impl = await admin.procurement.implementations.create.mutate({
          batchId: batch.id,
          jurisdictionCode: code,
          ...implementationFields,
        });
        // Credit records of the target: an institution with a scored person, and a company rated there.
        const inst = await admin.credit.institutions.upsert.mutate(institution(`H${code}01`, code));
        await admin.credit.staff.createScoring.mutate({
          personId: `P-${code}`,
          personName: "矩阵人员",
          institutionId: inst.code,
          points: 2,
          date: "2025-03-01",
          act: "串换药品",
        });
        await admin.credit.companies.createEvent.mutate(companyEvent(code, MATRIX_COMPANY));
        const ruleSet = (await admin.credit.institutions.ruleSets.query()).find(
          (r) => r.id === `matrix-${code.slice(0, 2)}0000`,
        )!;
        targets[rel] = {
          code,
          name,
          planId: saved.planId,
          indicatorId: ind!.id,
          taskId: tasks.find((t) => t.level === 2)!.id,
          projectId: project!.id,
          itemId: project!.items[0]!.id,
          userId: target.user.id,
          batchId: batch.id,
          batchName: batch.name,
          implementationId: impl.id,
          institutionCode: inst.code,
          deductionItem: ruleSet.ruleSet.items[0]!.code,
        };
      }
      await admin.credit.companies.recomputeRatings.mutate(MATRIX_QUARTER);
      clients.admin = admin;
      for (const role of ["planner", "reporter", "viewer"] as const) {
        await admin.users.create.mutate({
          username: `hs-${role}`,
          displayName: `黄石${role}`,
          role,
          jurisdictionCode: "420200",
          password: SCOPED_PASSWORD,
        });
        clients[role] = await loggedIn(server.url, `hs-${role}`, SCOPED_PASSWORD);
      }
    });
    afterAll(() => server?.close());

    const cases = roles.flatMap((role) =>
      relations.flatMap((relation) =>
        procedures.map(([name, rule, call]) => ({
          role,
          relation,
          name,
          rule,
          call,
          allow: allowed(role, relation, rule),
        })),
      ),
    );

    // Over 2,000 calls one after another: about 80 s on an idle 2-core machine, several minutes
    // when the machine is shared; the limit only stops a hung run.
    it(`covers ${roles.length} roles × ${relations.length} relations × ${procedures.length} procedures`, {
      timeout: 900_000,
    }, async () => {
      const mismatches: string[] = [];
      for (const c of cases) {
        const client = clients[c.role];
        const target = targets[c.relation];
        let outcome: string;
        try {
          await c.call(client, target, admin);
          outcome = "allowed";
        } catch (e) {
          const code = (e as { data?: { code?: string } }).data?.code ?? String(e);
          outcome = code === "FORBIDDEN" ? "forbidden" : `error ${code}: ${(e as Error).message}`;
        }
        const expected = c.allow ? "allowed" : "forbidden";
        if (outcome !== expected)
          mismatches.push(`${c.role} × ${c.relation} × ${c.name}: expected ${expected}, got ${outcome}`);
      }
      expect(mismatches).toEqual([]);
      // The table really exercised both outcomes.
      expect(cases.filter((c) => c.allow).length).toBeGreaterThan(100);
      expect(cases.filter((c) => !c.allow).length).toBeGreaterThan(100);
    });

    it("refuses every procedure but the public auth ones to anonymous callers", async () => {
      const anon = makeClient(server.url);
      const outcomes = await Promise.all(
        procedures.map(async ([name, rule, call]) => {
          if (rule === "public") {
            await call(anon, targets.own, admin);
            return `${name}: answered`;
          }
          const f = await failure(call(anon, targets.own, admin));
          return `${name}: ${f.code}`;
        }),
      );
      expect(outcomes).toEqual(
        procedures.map(([name, rule]) => `${name}: ${rule === "public" ? "answered" : "UNAUTHORIZED"}`),
      );
    });

    it("a deactivated user's session stops working at once", async () => {
      const u = (await admin.users.list.query({ q: "hs-viewer" })).items[0]!;
      await admin.users.update.mutate({ id: u.id, version: u.version, data: { active: false } });
      expect((await failure(clients.viewer.plans.list.query({}))).code).toBe("UNAUTHORIZED");
      expect((await failure(loggedIn(server.url, "hs-viewer", SCOPED_PASSWORD))).message).toBe("账号已停用");
    });
  });
}
