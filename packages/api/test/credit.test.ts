import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { type Database, jurisdictions, migrate, migrationsDir, openDatabase } from "@ybplan/db";
import { illustrativeItems, supervisionMeasures as m } from "@ybplan/domain/credit";
import { sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../src/auth/session.ts";
import { createCaller, createContextInner } from "../src/index.ts";
import { refusal } from "./utils/index.ts";

let database: Database;

const user = (role: SessionUser["role"], jurisdictionCode: string | null, name: string): SessionUser => ({
  id: randomUUID(),
  username: name,
  displayName: name,
  role,
  jurisdictionCode,
  mustChangePassword: false,
});
const admin = user("admin", null, "管理员");
const guangdongReporter = user("reporter", "440000", "广东填报");
const hubeiReporter = user("reporter", "420000", "湖北填报");
const as = (u: SessionUser) => createCaller(createContextInner({ database, user: u }));
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

beforeAll(async () => {
  database = await openDatabase();
  // Every migration file including credit (0200), independent of the migrator's current selection.
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ""), sql: readFileSync(`${migrationsDir}${f}`, "utf8") }));
  await migrate(database, files);
  await database.db.insert(jurisdictions).values(sampleJurisdictions.map((j) => ({ ...j })));
});
afterAll(() => database.close());

describe("credit API: companies", () => {
  it("enters events, rates a quarter and returns ratings with reasons and history", async () => {
    await as(admin).credit.companies.createEvent({
      companyId: "ytf",
      companyName: "云南同丰医药有限公司",
      province: "530000",
      category: "bribery",
      caseRef: "（2021）云01刑初1号",
      amountYuan: 600_000,
      dateConfirmed: "2022-05-10",
      source: "court-judgment",
    });
    const summary = await as(admin).credit.companies.recomputeRatings({ year: 2022, quarter: 2 });
    expect(summary).toMatchObject({ ratings: 1, rated: 1, issues: [] });
    const ratings = await as(admin).credit.companies.ratings({ year: 2022, quarter: 2, minSeverity: 3 });
    expect(ratings.map((r) => [r.companyName, r.levelLabel, r.reason])).toEqual([
      ["云南同丰医药有限公司", "严重", "严重：累计行贿60万元，达到2020版裁量基准50万元档"],
    ]);
    const rollup = await as(admin).credit.companies.rollup({ year: 2022, quarter: 2 });
    expect(rollup.rollup.serious.map((e) => e.companyId)).toEqual(["ytf"]);
    const history = await as(admin).credit.companies.history({ companyId: "ytf" });
    expect(history).toHaveLength(1);
  });

  it("refuses an event the engine cannot rate, with a Chinese reason", async () => {
    await expect(
      as(admin).credit.companies.createEvent({
        companyId: "x",
        companyName: "某公司",
        province: "440000",
        category: "monopoly",
        caseRef: "k",
        dateConfirmed: "2023-01-01",
        source: "penalty-decision",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("须由省级集中采购机构填写认定等级"),
    });
  });

  it("imports a CSV all-or-nothing, with row issues, within the user's province only", async () => {
    const header = "企业编码,企业名称,评价省份代码,失信事项,案号,涉案金额（元）,认定日期,案件来源\n";
    const bad = `${header}A,甲公司,440000,医药商业贿赂,k1,114万,2022-06-01,法院判决\nB,乙公司,440000,行贿,k2,5万,2022-06-01,法院判决\n`;
    const out = await refusal(
      as(guangdongReporter).credit.importCompanyEvents({ fileName: "事项.csv", contentBase64: b64(bad) }),
    );
    expect(out.code).toBe("BAD_REQUEST");
    expect(out.data.rows).toEqual([{ line: 3, field: "失信事项", message: "无法识别的失信事项“行贿”" }]);
    const good = `${header}A,甲公司,440000,医药商业贿赂,k1,114万,2022-06-01,法院判决\n`;
    expect(
      await as(guangdongReporter).credit.importCompanyEvents({
        fileName: "事项.csv",
        contentBase64: b64(good),
      }),
    ).toEqual({
      created: 1,
      provinces: ["440000"],
    });
    await expect(
      as(hubeiReporter).credit.importCompanyEvents({ fileName: "事项.csv", contentBase64: b64(good) }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const events = await as(guangdongReporter).credit.companies.events({ province: "440000" });
    expect(events.map((e) => e.amountYuan)).toEqual([1_140_000]);
  });
});

describe("credit API: institutions and staff", () => {
  it("records deductions, re-grades in the database and reports grades and the distribution", async () => {
    const gd = as(guangdongReporter).credit;
    await gd.institutions.upsert({
      code: "H440700001",
      name: "江门市某医院",
      kind: "medical",
      jurisdictionCode: "440700",
      designatedSince: "2015-01-01",
    });
    await gd.institutions.upsert({
      code: "H440784001",
      name: "鹤山市某药店",
      kind: "pharmacy",
      jurisdictionCode: "440784",
      designatedSince: "2019-01-01",
    });
    await gd.institutions.createDeduction({
      institutionCode: "H440700001",
      itemCode: "fraud",
      points: 300,
      date: "2026-03-01",
    });
    await expect(
      gd.institutions.createDeduction({
        institutionCode: "H440700001",
        itemCode: "fraud",
        points: 500,
        date: "2026-03-01",
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await gd.institutions.setFlag({
      institutionCode: "H440784001",
      year: 2026,
      flag: "seriousDishonestyList",
      on: true,
    });
    await expect(as(guangdongReporter).credit.institutions.regrade({ year: 2026 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await as(admin).credit.institutions.regrade({ year: 2026 });
    const grades = await gd.institutions.grades({ year: 2026, jurisdictionCode: "440700" });
    expect(grades.map((g) => [g.institutionCode, g.grade, g.reason])).toEqual([
      ["H440700001", "E", "E级：得分550分（基础分850，扣300分），未达到以上各级标准"],
      ["H440784001", "E", "E级：列入严重失信主体名单，直接评为E级"],
    ]);
    const dist = await gd.institutions.gradeDistribution({ year: 2026, jurisdictionCode: "440000" });
    expect(dist.counts).toEqual({ A: 0, B: 0, C: 0, D: 0, E: 2 });
    await expect(
      as(hubeiReporter).credit.institutions.grades({ year: 2026, jurisdictionCode: "440700" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps staff points across institutions: the village doctor's 10 then 4 terminates with a 1-year bar", async () => {
    const gd = as(guangdongReporter).credit;
    await gd.staff.createScoring({
      personId: "P1",
      personName: "某村医",
      institutionId: "H440700001",
      points: 10,
      date: "2025-04-10",
      act: "虚构医药服务",
      suspensionMonths: 3,
    });
    await gd.staff.createScoring({
      personId: "P1",
      personName: "某村医",
      institutionId: "H440784001",
      points: 4,
      date: "2025-08-20",
      act: "串换药品",
    });
    const { standings } = await gd.staff.standings({ asOf: "2025-09-01", personId: "P1" });
    expect(standings[0]).toMatchObject({
      pointsThisYear: 14,
      status: "terminated",
      statusUntil: "2026-08-20",
      institutions: ["H440700001", "H440784001"],
    });
    expect((await as(hubeiReporter).credit.staff.standings({ asOf: "2025-09-01" })).standings).toEqual([]);
  });
});

describe("credit API: a new rule set added as data", () => {
  const source = { title: "重庆市医疗保障基金监管信用管理办法（渝医保发〔2025〕32号）", tag: "S" as const };
  const chongqing = {
    id: "chongqing",
    version: "2025",
    name: "重庆市医疗保障信用评价",
    jurisdiction: "500000",
    jurisdictionName: "重庆市",
    appliesTo: ["medical", "pharmacy"],
    status: "in-force",
    effectiveFrom: "2025-09-01",
    effectiveTo: null,
    scale: { min: 0, max: 100 },
    base: 100,
    cycle: "calendar-year",
    items: illustrativeItems(1),
    bands: [
      { grade: "A", conditions: [{ metric: "score", op: "gte", value: 90 }], measures: ["praise"], source },
      { grade: "B", conditions: [{ metric: "score", op: "gte", value: 80 }], measures: ["routine"], source },
      {
        grade: "C",
        conditions: [],
        measures: ["focused-monitoring"],
        source: { ...source, tag: "U" as const },
      },
    ],
    overrides: [],
    measures: [m.praise, m.routine, m.focusedMonitoring],
    sources: [source],
  };

  it("validates, stores and then grades Chongqing's institutions with it", async () => {
    await expect(
      as(admin).credit.institutions.saveRuleSet({
        ruleSet: { ...chongqing, bands: chongqing.bands.slice(0, 2) },
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("兜底等级") });
    await expect(
      as(guangdongReporter).credit.institutions.saveRuleSet({ ruleSet: chongqing }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await as(admin).credit.institutions.saveRuleSet({ ruleSet: chongqing })).toEqual({
      id: "chongqing",
      version: "2025",
    });
    expect((await as(admin).credit.institutions.ruleSets()).map((r) => r.id)).toContain("chongqing");

    await as(admin).credit.institutions.upsert({
      code: "H500101001",
      name: "万州区某医院",
      kind: "medical",
      jurisdictionCode: "500101",
      designatedSince: "2010-01-01",
    });
    await as(admin).credit.institutions.createDeduction({
      institutionCode: "H500101001",
      itemCode: "swap-items",
      points: 15,
      date: "2026-02-01",
    });
    const run = await as(admin).credit.institutions.regrade({ year: 2026 });
    expect(run.counts.find((c) => c.ruleSetId === "chongqing")?.graded).toBe(1);
    const [g] = await as(admin).credit.institutions.grades({ year: 2026, jurisdictionCode: "500000" });
    expect(g).toMatchObject({ grade: "B", score: 85, reason: "B级：得分85分（基础分100，扣15分），得分≥80" });
  });
});
