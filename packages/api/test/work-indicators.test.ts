import { auditLog, targetRevisions } from "@ybplan/db";
import type { PlanDocument } from "@ybplan/domain/plan";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  confirmInputOf,
  refusal,
  sampleDocument,
  type TestDatabase,
  testDatabase,
  userOf,
  type WorkIndicatorProposal,
} from "./utils/index.ts";

/**
 * 青阳 专栏2 (1) through the router as the admin app and the CLI call it: the importer's proposals
 * read from the stored plan, a planner confirms them (audited), and the evaluation of 2023 judges
 * the fund share against its 2023 stage (≥50%), not the time line to 2025.
 */

let t: TestDatabase;
let document: PlanDocument;
let planId: string;
const admin = userOf("admin", null, "管理员");
const planner = userOf("planner", "341723", "青阳规划");
const reporter = userOf("reporter", "341723", "青阳填报");
const otherPlanner = userOf("planner", "420200", "黄石规划");

beforeAll(async () => {
  t = await testDatabase();
  document = await sampleDocument("anhui-qingyang-county");
  planId = (await t.callerAs(admin).import.commit({ document })).planId;
}, 120_000);
afterAll(() => t?.close());

type Proposal = WorkIndicatorProposal;
const confirmOf = (p: Proposal) => confirmInputOf(planId, p);

describe("work indicators with staged yearly targets", () => {
  let proposals: Proposal[];

  it("proposes 青阳 专栏2 (1)'s two staged indicators from the stored plan; nothing is stored", async () => {
    const out = await t.callerAs(reporter).workIndicators.propose({ planId });
    proposals = [...out.proposals];
    expect(out.warnings).toEqual([]);
    expect(
      proposals.map((p) => [p.owner.label, p.name, p.stages.map((s) => `${s.year}${s.target}`)]),
    ).toEqual([
      ["专栏2（1）医保基金总额预算管理", "DRG付费医疗机构病种覆盖率", ["2022≥70%", "2023≥80%", "2024≥90%"]],
      [
        "专栏2（1）医保基金总额预算管理",
        "DRG付费医保基金支出占统筹区内住院医保基金支出比例",
        ["2022≥30%", "2023≥50%", "2024≥70%"],
      ],
    ]);
    expect(proposals.every((p) => p.confirmedIndicatorId === null)).toBe(true);
    expect(await t.callerAs(reporter).workIndicators.list({ planId })).toEqual([]);
  });

  it("refuses a reporter and another jurisdiction's planner", async () => {
    const p = proposals[0]!;
    expect((await refusal(t.callerAs(reporter).workIndicators.confirm(confirmOf(p)))).code).toBe("FORBIDDEN");
    expect((await refusal(t.callerAs(otherPlanner).workIndicators.confirm(confirmOf(p)))).code).toBe(
      "FORBIDDEN",
    );
  });

  it("a planner confirms both: indicator under its 专栏 item, one year-scoped target per stage, audited", async () => {
    const api = t.callerAs(planner);
    const coverage = await api.workIndicators.confirm(confirmOf(proposals[0]!));
    const share = await api.workIndicators.confirm({ ...confirmOf(proposals[1]!), attribute: "binding" });
    expect(coverage.indicator).toMatchObject({
      name: "DRG付费医疗机构病种覆盖率",
      category: "工作指标",
      targetText: "≥90%", // no end target stated: the last stage
      confidence: "manual",
    });
    expect(share.indicator).toMatchObject({ targetText: "≥70%", attribute: "binding", direction: "higher" });
    expect(share.stages.map((s) => [s.year, s.targetText])).toEqual([
      [2022, "≥30%"],
      [2023, "≥50%"],
      [2024, "≥70%"],
    ]);
    const rows = await t.database.db
      .select()
      .from(targetRevisions)
      .where(eq(targetRevisions.indicatorId, share.indicator.id));
    expect(rows.map((r) => [r.effectiveYear, r.scope])).toEqual([
      [2022, "year"],
      [2023, "year"],
      [2024, "year"],
    ]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "confirmWorkIndicator"));
    expect(audit.map((a) => [a.entityId, a.actorName])).toEqual([
      [coverage.indicator.id, "青阳规划"],
      [share.indicator.id, "青阳规划"],
    ]);

    const listed = await t.callerAs(reporter).workIndicators.list({ planId });
    expect(listed.map((w) => [w.indicator.name, w.projectItemId, w.stages.length])).toEqual([
      ["DRG付费医疗机构病种覆盖率", proposals[0]!.ownerId, 3],
      ["DRG付费医保基金支出占统筹区内住院医保基金支出比例", proposals[0]!.ownerId, 3],
    ]);
    const again = await api.workIndicators.propose({ planId });
    expect(again.proposals.map((p) => p.confirmedIndicatorId)).toEqual([
      coverage.indicator.id,
      share.indicator.id,
    ]);
  });

  it("refuses a name used twice, a stage outside the period or twice a year, an owner of another plan", async () => {
    const api = t.callerAs(planner);
    const p = proposals[1]!;
    const dup = await refusal(api.workIndicators.confirm(confirmOf(p)));
    expect([dup.code, dup.data.fields]).toEqual([
      "BAD_REQUEST",
      [{ path: "name", message: "该任务下已有同名工作指标" }],
    ]);
    const late = await refusal(
      api.workIndicators.confirm({
        ...confirmOf(p),
        name: "新指标",
        stages: [{ year: 2026, targetText: "≥90%" }],
      }),
    );
    expect([late.code, late.data.fields]).toEqual([
      "BAD_REQUEST",
      [{ path: "stages.0.year", message: "分年度目标年份 2026 不在规划期 2021–2025 之内" }],
    ]);
    const twice = await refusal(
      api.workIndicators.confirm({
        ...confirmOf(p),
        name: "新指标",
        stages: [
          { year: 2023, targetText: "≥50%" },
          { year: 2023, targetText: "≥60%" },
        ],
      }),
    );
    expect(twice.data.fields).toEqual([{ path: "stages.1.year", message: "2023 年已有分年度目标" }]);
    const unreadable = await refusal(
      api.workIndicators.confirm({ ...confirmOf(p), name: "新指标", targetText: "≥%", stages: [] }),
    );
    expect(unreadable.message).toContain("无法识别目标");
    const foreign = await refusal(
      api.workIndicators.confirm({ ...confirmOf(p), name: "新指标", owner: { kind: "task", id: p.ownerId } }),
    );
    expect(foreign.data.fields).toEqual([{ path: "owner", message: "所选任务或专栏项目不属于该规划" }]);
    expect((await api.workIndicators.list({ planId })).length).toBe(2);
  });

  it("evaluation: 2023 is judged against its own stage (≥50%), 2024 against ≥70%, 2025 against the plan's target", async () => {
    const api = t.callerAs(admin);
    const share = (await api.workIndicators.list({ planId }))[1]!.indicator;
    for (const [year, value] of [
      [2022, 32],
      [2023, 51],
      [2024, 69],
      [2025, 71],
    ] as const) {
      await api.observations.upsertYear({
        planId,
        year,
        rows: [
          {
            indicatorId: share.id,
            value: { kind: "number", value },
            source: null,
            note: null,
            version: null,
          },
        ],
      });
    }
    const judged = async (year: number) =>
      (await api.evaluation.matrix({ planId, year })).work.find((e) => e.indicatorId === share.id)!;
    const e2023 = await judged(2023);
    expect([e2023.verdict, e2023.inputs.targetValue]).toEqual(["onTrack", 50]);
    expect(e2023.explanation).toContain("2023年分年度目标为不低于50%，实际值51%");
    const e2024 = await judged(2024);
    expect([e2024.verdict, e2024.inputs.targetValue]).toEqual(["behind", 70]);
    const e2022 = await judged(2022);
    expect([e2022.verdict, e2022.inputs.targetValue]).toEqual(["onTrack", 30]);
    // The plan's own +20-point step (32 → 51) is no plausibility warning on the server either.
    expect(share.unit).toBe("%"); // a percentage: a 10-point band without the plan's step
    const status = await api.cycle.status({ planId, year: 2023 });
    expect(status.warnings.filter((w) => w.indicatorId === share.id)).toEqual([]);
    // 2025 has no stage: the plan's own ≥70% at the end of the period
    const e2025 = await judged(2025);
    expect([e2025.verdict, e2025.inputs.targetValue]).toEqual(["achieved", 70]);
  });

  it("re-importing the unchanged plan is 无变化; a revised text keeps the confirmed work indicators", async () => {
    const api = t.callerAs(admin);
    expect((await api.import.commit({ document })).unchanged).toBe(true);
    const revised = { ...document, plan: { ...document.plan, issueDate: "2022-07-01" } };
    const saved = await api.import.commit({ document: revised });
    expect(saved.unchanged).toBe(false);
    expect(saved.indicators.deleted).toBe(0);
    expect((await api.workIndicators.list({ planId })).map((w) => w.stages.length)).toEqual([3, 3]);
  });
});
