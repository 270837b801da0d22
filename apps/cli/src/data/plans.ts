import { Effect } from "effect";
import { type CliError, NotFound, UsageError } from "../errors.ts";
import { type Api, call } from "./api.ts";

/** A plans.list item as the in-process caller returns it (not JSON-serialised). */
export type PlanItem = Awaited<ReturnType<Api["plans"]["list"]>>["items"][number];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a fresh install says instead of "未找到规划". */
export const emptyDatabaseMessage = "数据库为空：先运行 ybplan db seed 或 pnpm start";

/** Every plan (all pages of plans.list), in jurisdiction order. */
export function allPlans(api: Api): Effect.Effect<PlanItem[], CliError> {
  return call("查询规划", async () => {
    const out: PlanItem[] = [];
    for (let page = 1; ; page++) {
      const p = await api.plans.list({ page, pageSize: 200 });
      out.push(...p.items);
      if (out.length >= p.total || p.items.length === 0) return out;
    }
  });
}

/**
 * The plan a `--plan` value names: a plan id, a jurisdiction code (420200) or name (黄石市), or
 * words of the plan's title. Several matches: the published one, else a usage error listing them.
 */
export function resolvePlan(api: Api, ref: string): Effect.Effect<PlanItem, CliError> {
  return Effect.gen(function* () {
    const plans = yield* allPlans(api);
    if (plans.length === 0) return yield* Effect.fail(new NotFound({ message: emptyDatabaseMessage }));
    let rows: PlanItem[];
    if (uuid.test(ref)) rows = plans.filter((p) => p.id === ref.toLowerCase());
    else if (/^\d{6}$/.test(ref)) rows = plans.filter((p) => p.jurisdictionCode === ref);
    else {
      const named = yield* call("查询行政区划", () => api.jurisdictions.list({ q: ref, pageSize: 200 }));
      const codes = new Set(named.items.filter((j) => j.name === ref).map((j) => j.code));
      rows = plans.filter((p) => codes.has(p.jurisdictionCode) || p.title.includes(ref));
    }
    if (rows.length === 0) return yield* Effect.fail(new NotFound({ message: `未找到规划“${ref}”` }));
    if (rows.length === 1) return rows[0]!;
    const published = rows.filter((r) => r.status === "published");
    if (published.length === 1) return published[0]!;
    const list = rows.map((r) => `${r.id}（${r.title}）`).join("；");
    return yield* Effect.fail(
      new UsageError({ message: `“${ref}”对应多个规划，请用 --plan <id> 指定：${list}` }),
    );
  });
}
