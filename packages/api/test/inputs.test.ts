import { Plan } from "@ybplan/domain/plan";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IndicatorDto, PlanDto } from "../src/services/dto.ts";
import { type Caller, refusal, type TestDatabase, testDatabase, userOf } from "./utils/index.ts";

/**
 * Router inputs are the domain's schemas with the boundary's sizes (issue 17), and the DTO
 * procedures answer exactly their `.output()` schema.
 */

let t: TestDatabase;
let planner: Caller;
let admin: Caller;

const planFields = (title: string) => ({
  title,
  issuer: "黄石市医疗保障局",
  documentNumber: null,
  issueDate: null,
  periodStart: 2021,
  periodEnd: 2025,
  baselineYear: 2020,
  status: "published" as const,
  parentPlanId: null,
  jurisdictionCode: "420200",
});

const indicatorFields = (name: string) => ({
  category: "参保覆盖",
  name,
  unit: "%",
  baselineText: "95%",
  targetText: "≥97%",
  attribute: "binding" as const,
  direction: "higher" as const,
  definition: null,
  footnote: null,
  assessment: "endOfPeriod" as const,
  parentIndicatorId: null,
});

beforeAll(async () => {
  t = await testDatabase();
  planner = t.callerAs(userOf("planner", "420200"));
  admin = t.callerAs(userOf("admin", null));
});
afterAll(() => t.close());

describe("inputs from the domain's schemas", () => {
  it("trims, requires and bounds a plan's title; the domain's status values are the only ones", async () => {
    const created = await planner.plans.create(planFields("  黄石市输入测试规划  "));
    expect(created.title).toBe("黄石市输入测试规划");

    const empty = await refusal(planner.plans.create(planFields("   ")));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(empty.data.fields).toEqual([{ path: "title", message: "请输入规划名称" }]);

    const long = await refusal(planner.plans.create(planFields("长".repeat(201))));
    expect(long.code).toBe("BAD_REQUEST");
    expect(long.data.fields?.map((f) => f.path)).toEqual(["title"]);
    // The domain itself has no such limit: an imported title is never refused when read back.
    expect(Plan.shape.title.safeParse("长".repeat(201)).success).toBe(true);

    const status = await refusal(
      planner.plans.create({ ...planFields("黄石市状态测试"), status: "deleted" as "draft" }),
    );
    expect(status.data.fields?.map((f) => f.path)).toEqual(["status"]);
  });

  it("bounds an indicator's name and cell texts, and a dishonest event's company name", async () => {
    const plan = await planner.plans.create(planFields("黄石市指标输入测试"));
    const name = await refusal(
      planner.indicators.create({ planId: plan.id, ...indicatorFields("名".repeat(101)) }),
    );
    expect(name.data.fields?.map((f) => f.path)).toEqual(["name"]);
    const target = await refusal(
      planner.indicators.create({
        planId: plan.id,
        ...indicatorFields("参保率"),
        targetText: "9".repeat(201),
      }),
    );
    expect(target.data.fields?.map((f) => f.path)).toEqual(["targetText"]);

    const event = {
      companyId: "c1",
      companyName: "企".repeat(201),
      province: "420000",
      category: "bribery",
      caseRef: "（2021）鄂01刑初1号",
      amountYuan: 600_000,
      dateConfirmed: "2022-05-10",
      source: "court-judgment" as const,
    };
    const refused = await refusal(admin.credit.companies.createEvent(event));
    expect(refused.data.fields?.map((f) => f.path)).toEqual(["companyName"]);
    // Within the limits the domain's own defaults apply (role, circumstances).
    await admin.credit.companies.createEvent({ ...event, companyName: "湖北某医药有限公司" });
    const [stored] = await admin.credit.companies.events({ province: "420000" });
    expect(stored).toMatchObject({ companyRole: "manufacturer", circumstances: [] });
  });
});

describe("outputs", () => {
  it("answers exactly the DTO schema's fields for plans and indicators", async () => {
    const plan = await planner.plans.create(planFields("黄石市输出测试规划"));
    const got = await planner.plans.get({ id: plan.id });
    expect(Object.keys(got).sort()).toEqual([...Object.keys(PlanDto.shape), "counts"].sort());
    expect(got.counts).toEqual({ indicators: 0, workIndicators: 0, tasks: 0, projects: 0, observations: 0 });
    const ind = await planner.indicators.create({
      planId: plan.id,
      ...indicatorFields("基本医疗保险参保率"),
    });
    expect(Object.keys(ind).sort()).toEqual(Object.keys(IndicatorDto.shape).sort());
    expect(IndicatorDto.parse(ind)).toEqual(ind);
    expect(ind.target.text).toBe("≥97%");
  });
});
