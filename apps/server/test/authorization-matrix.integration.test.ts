import { appRouter } from "@ybplan/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../src/index.ts";
import { ADMIN_PASSWORD, backends } from "./utils/backends.ts";
import { type Client, failure, loggedIn, makeClient } from "./utils/client.ts";
import { planDocument } from "./utils/fixtures.ts";

/**
 * Every role × jurisdiction relation × procedure, generated from the table below. Users are
 * scoped to 黄石市 (420200); targets are its own plan, a descendant's (黄石港区 420202), an
 * ancestor's (湖北省 420000) and an unrelated one (南阳市 411300). An allowed call must succeed;
 * a refused one must answer FORBIDDEN; an anonymous one UNAUTHORIZED.
 */
type Role = "admin" | "planner" | "reporter" | "viewer";
type Relation = "own" | "descendant" | "ancestor" | "unrelated";
type Rule = "read" | "readSubtree" | "editPlan" | "enterData" | "admin" | "editPlanRole" | "session";

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
    case "editPlanRole":
      return role === "planner";
    case "session":
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
}

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

type Call = (c: Client, t: Target, admin: Client) => Promise<unknown>;
const procedures: [name: string, rule: Rule, call: Call][] = [
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
    "enterData",
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
];

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

describe("the matrix table", () => {
  it("lists every procedure of the core routers (auth.* is covered by the API test)", () => {
    const core = [
      "jurisdictions",
      "plans",
      "indicators",
      "observations",
      "tasks",
      "projects",
      "evaluation",
      "import",
      "users",
      "audit",
    ];
    const all = Object.keys(appRouter._def.procedures).filter((p) => core.includes(p.split(".")[0]!));
    // previewTarget reads nothing scoped (it parses the text it is given); it only needs a session.
    const listed = new Set([...procedures.map(([name]) => name), "indicators.previewTarget"]);
    expect(all.filter((p) => !listed.has(p))).toEqual([]);
  });
});

describe.each(backends)("authorisation matrix on $name", (backend) => {
  let server: RunningServer;
  let admin: Client;
  const clients = {} as Record<Role, Client>;
  const targets = {} as Record<Relation, Target>;

  beforeAll(async () => {
    server = await backend.start();
    admin = await loggedIn(server.url, "admin", ADMIN_PASSWORD);
    await admin.jurisdictions.create.mutate({
      code: "420202",
      name: "黄石港区",
      level: "county",
      parentCode: "420200",
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
      targets[rel] = {
        code,
        name,
        planId: saved.planId,
        indicatorId: ind!.id,
        taskId: tasks.find((t) => t.level === 2)!.id,
        projectId: project!.id,
        itemId: project!.items[0]!.id,
        userId: target.user.id,
      };
    }
    clients.admin = admin;
    for (const role of ["planner", "reporter", "viewer"] as const) {
      await admin.users.create.mutate({
        username: `hs-${role}`,
        displayName: `黄石${role}`,
        role,
        jurisdictionCode: "420200",
        password: "Scoped-pass-1",
      });
      clients[role] = await loggedIn(server.url, `hs-${role}`, "Scoped-pass-1");
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

  it(`covers ${roles.length} roles × ${relations.length} relations × ${procedures.length} procedures`, {
    timeout: 240_000,
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

  it("refuses every procedure to anonymous callers", async () => {
    const anon = makeClient(server.url);
    const outcomes = await Promise.all(
      procedures.map(async ([name, , call]) => {
        const f = await failure(call(anon, targets.own, admin));
        return `${name}: ${f.code}`;
      }),
    );
    expect(outcomes).toEqual(procedures.map(([name]) => `${name}: UNAUTHORIZED`));
  });

  it("a deactivated user's session stops working at once", async () => {
    const u = (await admin.users.list.query({ q: "hs-viewer" })).items[0]!;
    await admin.users.update.mutate({ id: u.id, version: u.version, data: { active: false } });
    expect((await failure(clients.viewer.plans.list.query({}))).code).toBe("UNAUTHORIZED");
    expect((await failure(loggedIn(server.url, "hs-viewer", "Scoped-pass-1"))).message).toBe("账号已停用");
  });
});
