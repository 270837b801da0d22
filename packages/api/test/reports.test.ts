import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import {
  type Database,
  jurisdictions,
  migrate,
  migrationsDir,
  openDatabase,
  savePlanDocument,
} from "@ybplan/db";
import { verdictLabels } from "@ybplan/domain/evaluation";
import { sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import { type IndicatorDraft, type PlanDocument, PlanDocumentFormat } from "@ybplan/domain/plan";
import { parseTargetCell } from "@ybplan/domain/target";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../src/auth/session.ts";
import { createCaller, createContextInner } from "../src/index.ts";

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
const huangshiViewer = user("viewer", "420200", "黄石查看");
const yangxinViewer = user("viewer", "420222", "阳新查看");
const nanyangPlanner = user("planner", "411300", "南阳规划");
const as = (u: SessionUser) => createCaller(createContextInner({ database, user: u }));

const indicator = (
  position: number,
  name: string,
  unit: string,
  baseline: string,
  target: string,
  attribute: "binding" | "expected",
  assessment: IndicatorDraft["assessment"],
): IndicatorDraft => ({
  key: `基本医疗保障/${name}`,
  position,
  category: "基本医疗保障",
  name,
  unit,
  baseline: parseTargetCell(baseline),
  target: parseTargetCell(target),
  attribute,
  direction: "higher",
  definition: null,
  footnote: null,
  assessment,
  confidence: "table",
  line: position,
});

function planDoc(code: string, name: string, indicators: IndicatorDraft[]): PlanDocument {
  return {
    format: PlanDocumentFormat,
    plan: {
      title: `${name}医疗保障事业发展“十四五”规划`,
      issuer: `${name}医疗保障局`,
      documentNumber: null,
      issueDate: null,
      jurisdictionCode: code,
      jurisdictionName: name,
      periodStart: 2021,
      periodEnd: 2025,
      baselineYear: 2020,
    },
    indicators,
    tasks: [
      {
        key: "t1",
        number: "（一）",
        title: "健全多层次医疗保障体系",
        text: "完善基本医疗保险制度。",
        leadDepartment: "市医保局",
        deadline: null,
        line: 10,
        level: 3,
        parentKey: null,
      },
    ],
    projects: [],
    footnotes: [],
    warnings: [],
  };
}

const huangshiIndicators = [
  indicator(1, "基本医疗保险参保率", "%", "96.5", "≥97", "binding", "eachYear"),
  indicator(2, "住院费用跨省直接结算率", "%", "50", ">70", "expected", "endOfPeriod"),
  // Named like the procurement count, so the report gets its procurement section.
  indicator(3, "落实国家和省组织药品集中带量采购品种", "个", "112", ">500", "expected", "endOfPeriod"),
];

let huangshiPlanId = "";
let nanyangPlanId = "";

async function save(doc: PlanDocument): Promise<string> {
  return (await savePlanDocument(database.db, doc, { id: null, name: "测试" })).planId;
}

async function enter(planId: string, year: number, values: Record<string, number>) {
  const inds = await as(admin).indicators.list({ planId });
  await as(admin).observations.upsertYear({
    planId,
    year,
    rows: inds
      .filter((i) => i.name in values)
      .map((i) => ({
        indicatorId: i.id,
        value: { kind: "number" as const, value: values[i.name]! },
        version: null,
      })),
  });
}

beforeAll(async () => {
  database = await openDatabase();
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ""), sql: readFileSync(`${migrationsDir}${f}`, "utf8") }));
  await migrate(database, files);
  await database.db
    .insert(jurisdictions)
    .values([
      ...sampleJurisdictions.map((j) => ({ ...j })),
      { code: "420202", name: "黄石港区", level: "county" as const, parentCode: "420200" },
      { code: "420222", name: "阳新县", level: "county" as const, parentCode: "420200" },
    ]);
  huangshiPlanId = await save(planDoc("420200", "黄石市", huangshiIndicators));
  nanyangPlanId = await save(planDoc("411300", "南阳市", huangshiIndicators));
  // Two county plans below 黄石市: 黄石港区 misses its binding target, 阳新县 reaches it.
  const port = await save(planDoc("420202", "黄石港区", [huangshiIndicators[0]!]));
  const yangxin = await save(planDoc("420222", "阳新县", [huangshiIndicators[0]!]));
  await enter(huangshiPlanId, 2021, { 基本医疗保险参保率: 97.0, 住院费用跨省直接结算率: 55 });
  await enter(huangshiPlanId, 2022, { 基本医疗保险参保率: 97.1, 住院费用跨省直接结算率: 58 });
  await enter(huangshiPlanId, 2023, { 基本医疗保险参保率: 97.3, 住院费用跨省直接结算率: 61 });
  await enter(port, 2023, { 基本医疗保险参保率: 95.2 });
  await enter(yangxin, 2023, { 基本医疗保险参保率: 97.6 });
  // Credit data in 湖北省 only: a company rated serious in the fourth quarter of 2023.
  await as(admin).credit.companies.createEvent({
    companyId: "hb-co",
    companyName: "湖北某医药有限公司",
    province: "420000",
    category: "bribery",
    caseRef: "（2023）鄂02刑初1号",
    amountYuan: 600_000,
    dateConfirmed: "2023-05-10",
    source: "court-judgment",
  });
  await as(admin).credit.companies.recomputeRatings({ year: 2023, quarter: 4 });
});
afterAll(() => database.close());

const generate = (
  u: SessionUser,
  format: "docx" | "xlsx" | "html" | "md",
  kind: "annual" | "midTerm" = "annual",
) => as(u).reports.generate({ planId: huangshiPlanId, year: 2023, kind, format });
const text = (base64: string) => Buffer.from(base64, "base64").toString("utf8");

describe("reports.generate", () => {
  it("writes the docx with the narrative sentence and a Chinese file name", async () => {
    const out = await generate(admin, "docx");
    expect(out.fileName).toBe("黄石市医疗保障事业发展“十四五”规划_2023年度监测报告.docx");
    expect(out.mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const zip = await JSZip.loadAsync(Buffer.from(out.base64, "base64"));
    const xml = await zip.file("word/document.xml")!.async("string");
    // Word splits text into runs; compare the text content only.
    const body = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(body).toContain("黄石市医疗保障事业发展“十四五”规划2023年度实施情况监测报告");
    expect(body).toContain("基本医疗保险参保率2023年为97.3%");
    expect(body).toContain("住院费用跨省直接结算率");
  });

  it("writes md and html with indicator names, values and verdict labels", async () => {
    const md = await generate(admin, "md");
    expect(md.fileName).toBe("黄石市医疗保障事业发展“十四五”规划_2023年度监测报告.md");
    expect(md.mimeType).toBe("text/markdown; charset=utf-8");
    const mdText = text(md.base64);
    expect(mdText).toContain("基本医疗保险参保率");
    expect(mdText).toContain("97.3%");
    const row = (name: string) => mdText.split("\n").find((l) => l.startsWith("|") && l.includes(name)) ?? "";
    expect(row("基本医疗保险参保率")).toContain(verdictLabels.achieved);
    // 住院费用跨省直接结算率 61% in 2023: below the time-elapsed line from 50 to 70 (62.0), behind.
    expect(row("住院费用跨省直接结算率")).toContain(verdictLabels.behind);
    expect(mdText).toContain("健全多层次医疗保障体系");

    const html = await generate(admin, "html");
    expect(html.fileName.endsWith("_2023年度监测报告.html")).toBe(true);
    const htmlText = text(html.base64);
    expect(htmlText).toMatch(/^<!DOCTYPE html>/i);
    expect(htmlText).toContain("住院费用跨省直接结算率");
    expect(htmlText).toContain(verdictLabels.achieved);
  });

  it("writes the xlsx indicator table", async () => {
    const out = await generate(admin, "xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, "base64") as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void cells.push(String(c.text)))));
    expect(cells).toContain("基本医疗保险参保率");
    expect(cells).toContain(verdictLabels.achieved);
  });

  it("lists the county plans below, only those the caller may read", async () => {
    const all = text((await generate(admin, "md")).base64);
    expect(all).toContain("黄石港区");
    expect(all).toContain("阳新县");
    // A 阳新县 viewer may read its city's plan, but not its sibling county's figures.
    const own = text((await generate(yangxinViewer, "md")).base64);
    expect(own).toContain("阳新县");
    expect(own).not.toContain("黄石港区");
    expect(text((await generate(huangshiViewer, "md")).base64)).toContain("黄石港区");
  });

  it("adds the procurement and credit sections when their data exists", async () => {
    const md = text((await generate(admin, "md")).base64);
    expect(md).toContain("药品和医用耗材集中带量采购");
    expect(md).toContain("医保信用评价");
    expect(md).toContain("湖北某医药有限公司");
    // 南阳市 (河南省) has the procurement indicator but no credit records.
    const nanyang = await as(admin).reports.generate({
      planId: nanyangPlanId,
      year: 2023,
      kind: "annual",
      format: "md",
    });
    const other = text(nanyang.base64);
    expect(other).toContain("药品和医用耗材集中带量采购");
    expect(other).not.toContain("医保信用评价");
    expect(other).not.toContain("湖北某医药有限公司");
  });

  it("writes the mid-term review covering 2021–2023", async () => {
    const out = await generate(admin, "md", "midTerm");
    expect(out.fileName).toBe("黄石市医疗保障事业发展“十四五”规划_2021—2023年中期评估报告.md");
    expect(text(out.base64)).toContain("黄石市医疗保障事业发展“十四五”规划实施中期评估报告");
  });

  it("refuses a user of another jurisdiction, and a year outside the plan period", async () => {
    await expect(generate(nanyangPlanner, "md")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      as(nanyangPlanner).reports.generate({
        planId: nanyangPlanId,
        year: 2023,
        kind: "annual",
        format: "md",
      }),
    ).resolves.toMatchObject({ fileName: "南阳市医疗保障事业发展“十四五”规划_2023年度监测报告.md" });
    await expect(
      as(admin).reports.generate({ planId: huangshiPlanId, year: 2027, kind: "annual", format: "md" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
