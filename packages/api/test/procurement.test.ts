import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import {
  type Database,
  jurisdictions,
  migrate,
  migrationsDir,
  namedCache,
  observations,
  openDatabase,
  procurementBatches,
  savePlanDocument,
} from "@ybplan/db";
import { sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import { type PlanDocument, PlanDocumentFormat } from "@ybplan/domain/plan";
import { parseTargetCell } from "@ybplan/domain/target";
import { count } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../src/auth/session.ts";
import { createCaller, createContextInner } from "../src/index.ts";
import { withProcurementValues } from "../src/services/procurement.ts";
import { loadPlanBundles } from "../src/services/read-model.ts";
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
const hubeiPlanner = user("planner", "420000", "湖北省规划");
const huangshiReporter = user("reporter", "420200", "黄石市填报");
const as = (u: SessionUser) => createCaller(createContextInner({ database, user: u }));
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

let planId = "";

beforeAll(async () => {
  database = await openDatabase();
  // Core and procurement migrations, listed here so the test does not depend on which plug-in
  // ranges the migrator currently enables.
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f) && f < "0200")
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ""), sql: readFileSync(`${migrationsDir}${f}`, "utf8") }));
  await migrate(database, files);
  await database.db.insert(jurisdictions).values(sampleJurisdictions.map((j) => ({ ...j })));
  const doc: PlanDocument = {
    format: PlanDocumentFormat,
    plan: {
      title: "黄石市医疗保障事业发展“十四五”规划",
      issuer: "黄石市医疗保障局",
      documentNumber: "黄医保发〔2022〕15号",
      issueDate: null,
      jurisdictionCode: "420200",
      jurisdictionName: "黄石市",
      periodStart: 2021,
      periodEnd: 2025,
      baselineYear: 2020,
    },
    indicators: [
      {
        key: "医药服务/落实国家和省组织药品集中带量采购品种",
        position: 1,
        category: "医药服务",
        name: "落实国家和省组织药品集中带量采购品种",
        unit: "个",
        baseline: parseTargetCell("112"),
        target: parseTargetCell(">500 ^②"),
        attribute: "expected",
        direction: "higher",
        definition: null,
        footnote: "②指到2025年落实国家和省药品集中带量采购品种达500个以上。",
        assessment: "endOfPeriod",
        confidence: "table",
        line: 217,
      },
    ],
    tasks: [],
    projects: [],
    footnotes: [],
    warnings: [],
  };
  planId = (await savePlanDocument(database.db, doc, { id: null, name: "测试" })).planId;
});
afterAll(() => database.close());

describe("procurement API", () => {
  it("loads the shipped national batches once (administrators only)", async () => {
    await expect(as(hubeiPlanner).procurement.batches.loadReference()).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await as(admin).procurement.batches.loadReference()).toEqual({ inserted: 18 });
    expect(await as(admin).procurement.batches.loadReference()).toEqual({ inserted: 0 });
    const list = await as(huangshiReporter).procurement.batches.list({ category: "drug" });
    expect(list).toHaveLength(12);
    const ext = list.find((b) => b.ref === "national-drug-01-ext")!;
    expect(ext).toMatchObject({
      countOnly: true,
      varietyCount: 25,
      retenderOf: { name: "第一批（“4+7”试点）" },
    });
    const stents = (await as(admin).procurement.batches.list({ category: "highValueConsumable" }))[0]!;
    const detail = await as(admin).procurement.batches.get({ id: stents.id });
    expect(detail.varieties.map((v) => v.label)).toEqual(["冠脉支架"]);
  });

  it("returns row errors and saves nothing when a file has a bad row", async () => {
    const [before] = await database.db.select({ n: count() }).from(procurementBatches);
    const csv =
      "层级,批次名称,公布日期,类别,品种数,参与省份\n省级,湖北省第一批,2021-03-15,药品,,420000\n省级,湖北省第二批,2021-13,药品,,420000\n";
    const out = await refusal(
      as(hubeiPlanner).procurement.import({ kind: "batches", fileName: "批次.csv", contentBase64: b64(csv) }),
    );
    expect(out.code).toBe("BAD_REQUEST");
    expect(out.message).toBe(
      "文件有误，未导入任何记录：第3行 [公布日期]：日期“2021-13”无效，应为 YYYY-MM-DD 或 YYYY-MM",
    );
    expect(out.data.rows).toEqual([
      { line: 3, field: "公布日期", message: "日期“2021-13”无效，应为 YYYY-MM-DD 或 YYYY-MM" },
    ]);
    const [after] = await database.db.select({ n: count() }).from(procurementBatches);
    expect(after!.n).toBe(before!.n);
  });

  it("lets a provincial planner import Hubei's batch and its varieties, but not a national batch", async () => {
    const national = "层级,批次名称,公布日期,类别,品种数\n国家组织,第十二批,2026-10,药品,50\n";
    await expect(
      as(hubeiPlanner).procurement.import({
        kind: "batches",
        fileName: "n.csv",
        contentBase64: b64(national),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const batches = "层级,批次名称,公布日期,类别,参与省份\n省级,湖北省第一批,2021-03-15,药品,420000\n";
    expect(
      await as(hubeiPlanner).procurement.import({
        kind: "batches",
        fileName: "b.csv",
        contentBase64: b64(batches),
      }),
    ).toEqual({
      kind: "batches",
      created: 1,
      warnings: [],
    });

    // XLSX with Chinese headers; the line numbers are the sheet's rows.
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("品种");
    sheet.addRow(["批次名称", "品种名称", "降幅"]);
    sheet.addRow(["湖北省第一批", "恩替卡韦分散片", 60]);
    sheet.addRow(["湖北省第一批", "注射用培美曲塞二钠", null]);
    sheet.addRow(["湖北省第一批", "琥珀酸美托洛尔缓释片", null]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    expect(
      await as(hubeiPlanner).procurement.import({
        kind: "varieties",
        fileName: "v.xlsx",
        contentBase64: xlsx,
      }),
    ).toMatchObject({
      created: 3,
    });

    const bad = new ExcelJS.Workbook();
    const s2 = bad.addWorksheet("品种");
    s2.addRow(["批次名称", "品种名称"]);
    s2.addRow(["湖北省第一批", "恩替卡韦片"]);
    const badXlsx = Buffer.from(await bad.xlsx.writeBuffer()).toString("base64");
    const dup = await refusal(
      as(hubeiPlanner).procurement.import({ kind: "varieties", fileName: "v.xlsx", contentBase64: badXlsx }),
    );
    expect(dup.data.rows).toEqual([{ line: 2, field: null, message: "该品种（通用名+剂型组）已在该批次中" }]);
  });

  it("counts 112 for Huangshi in 2020 from Hubei's records of national batches 1–3, and adds Hubei's own round", async () => {
    const impl = [
      "批次名称,行政区划代码,执行日期,完成率",
      "第一批扩围,420000,2019-12-01,",
      "第二批,420000,2020-04-01,",
      "第三批,420000,2020-11-01,130",
      "湖北省第一批,420000,2021-06-01,",
    ].join("\n");
    await expect(
      as(huangshiReporter).procurement.import({
        kind: "implementations",
        fileName: "i.csv",
        contentBase64: b64(impl),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await as(hubeiPlanner).procurement.import({
        kind: "implementations",
        fileName: "i.csv",
        contentBase64: b64(impl),
      }),
    ).toMatchObject({
      created: 4,
    });

    const series = await as(huangshiReporter).procurement.counts.series({
      jurisdictionCode: "420200",
      category: "drug",
      fromYear: 2019,
      toYear: 2021,
    });
    expect(series.points.map((p) => [p.year, p.value, p.estimated])).toEqual([
      [2019, 25, true],
      [2020, 112, true],
      [2021, 115, true],
    ]);
    expect(series.latest.contributions.map((c) => [c.batchName, c.added])).toEqual([
      ["第一批扩围", 25],
      ["第二批", 32],
      ["第三批", 55],
      ["湖北省第一批", 3],
    ]);
    expect(series.targets).toMatchObject([
      {
        indicatorName: "落实国家和省组织药品集中带量采购品种",
        value: 500,
        op: "gt",
        targetText: ">500",
        baselineText: "112",
      },
    ]);

    const listed = await as(huangshiReporter).procurement.implementations.list({
      jurisdictionCode: "420200",
    });
    expect(listed.every((i) => i.inherited && i.jurisdictionName === "湖北省")).toBe(true);
    await expect(
      as(huangshiReporter).procurement.implementations.list({ jurisdictionCode: "411300" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("binds the indicator and flags a manual value that disagrees with the records", async () => {
    const bindings = await as(huangshiReporter).procurement.bindings.list({ planId });
    expect(bindings).toMatchObject([{ category: null, suggested: "drug" }]);
    await expect(
      as(huangshiReporter).procurement.bindings.set({
        indicatorId: bindings[0]!.indicatorId,
        category: "drug",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await as(hubeiPlanner).procurement.bindings.set({
      indicatorId: bindings[0]!.indicatorId,
      category: "drug",
    });
    // A manual value typed for 2021 (stored directly: the test is about the check, not data entry).
    await database.db.insert(observations).values({
      indicatorId: bindings[0]!.indicatorId,
      year: 2021,
      valueKind: "number",
      valueNumber: 120,
      recordedBy: "黄石市填报",
    });
    const derived = await as(huangshiReporter).procurement.counts.derived({ planId, years: [2020, 2021] });
    expect(derived.map((d) => [d.derived.year, d.derived.value, d.check.status])).toEqual([
      [2020, 112, "noManualValue"],
      [2021, 115, "disagrees"],
    ]);

    // The evaluation judges the derived values in place of the manual one.
    const substituted = await withProcurementValues(
      database.db,
      planId,
      [2020, 2021],
      [
        {
          indicatorId: bindings[0]!.indicatorId,
          year: 2021,
          value: { kind: "number", value: 120 },
          source: null,
          note: null,
          recordedBy: null,
          recordedAt: null,
        },
      ],
    );
    expect(substituted.map((o) => [o.year, o.value])).toEqual([
      [2020, { kind: "number", value: 112 }],
      [2021, { kind: "number", value: 115 }],
    ]);

    // The read model every view judges with: as entered beside as judged, from the baseline year.
    const bundle = (await loadPlanBundles(database.db, { planIds: [planId], upToYear: 2021 })).get(planId)!;
    expect(bundle.entered.map((o) => [o.year, o.value])).toEqual([[2021, { kind: "number", value: 120 }]]);
    expect(bundle.observations.map((o) => [o.year, o.value])).toEqual([
      [2020, { kind: "number", value: 112 }],
      [2021, { kind: "number", value: 115 }],
    ]);
    // So the plan's matrix and the subtree's line judge it alike.
    const matrix = await as(huangshiReporter).evaluation.matrix({ planId, year: 2021 });
    expect(matrix.evaluations[0]?.inputs.actual).toBe(115);
    const subtree = await as(huangshiReporter).evaluation.subtree({ jurisdictionCode: "420200", year: 2021 });
    expect(subtree.plans.find((p) => p.planId === planId)?.counts).toEqual(matrix.counts);

    const section = await as(huangshiReporter).procurement.counts.reportSection({ planId, year: 2021 });
    expect(section?.paragraphs[0]).toBe(
      "截至2021年12月31日，本地区累计落实国家和省级药品集中带量采购品种115个，较2020年末的112个增加3个；规划目标为“>500”（落实国家和省组织药品集中带量采购品种），尚差386个。",
    );
    expect(section?.paragraphs.at(-1)).toBe(
      "填报核对：2021年手工填报值120个与按集采执行记录推算的115个不一致（推算值含估算部分），请核对。",
    );
  });

  it("keeps the indexed records until a procurement write: a save in the plan recomputes its verdicts only", async () => {
    const index = namedCache(database.changes, "procurement.index");
    const hs = as(huangshiReporter);
    expect((await hs.evaluation.matrix({ planId, year: 2021 })).evaluations[0]?.inputs.actual).toBe(115);
    const computes = index.stats.computes;
    const [bound] = await hs.procurement.bindings.list({ planId });
    await hs.observations.upsertYear({
      planId,
      year: 2022,
      rows: [{ indicatorId: bound!.indicatorId, value: { kind: "number", value: 130 }, version: null }],
    });
    const saved = await hs.evaluation.matrix({ planId, year: 2022 });
    expect(saved.year).toBe(2022);
    expect(index.stats.computes).toBe(computes);

    // A new implementation record (a change of everything) counts at the next read.
    await as(hubeiPlanner).procurement.import({
      kind: "implementations",
      fileName: "i.csv",
      contentBase64: b64("批次名称,行政区划代码,执行日期\n第四批,420000,2021-04-01"),
    });
    const after = (await hs.evaluation.matrix({ planId, year: 2021 })).evaluations[0]?.inputs.actual;
    expect(index.stats.computes).toBe(computes + 1);
    const series = await hs.procurement.counts.series({
      jurisdictionCode: "420200",
      category: "drug",
      fromYear: 2021,
      toYear: 2021,
    });
    expect(after).toBeGreaterThan(115);
    expect(after).toBe(series.points[0]!.value);
  });

  it("reads dates typed as Excel dates and refuses unknown jurisdictions and other formats", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("执行");
    sheet.addRow(["批次名称", "行政区划代码", "执行日期", "节约金额(万元)"]);
    sheet.addRow(["第五批", "420200", new Date(Date.UTC(2021, 9, 1)), 88.5]);
    sheet.addRow(["第五批", "429999", new Date(Date.UTC(2021, 9, 1)), null]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const unknown = await refusal(
      as(admin).procurement.import({
        kind: "implementations",
        fileName: "执行.xlsx",
        contentBase64: bytes.toString("base64"),
      }),
    );
    expect(unknown.code).toBe("BAD_REQUEST");
    expect(unknown.data.rows).toEqual([{ line: 3, field: null, message: "行政区划代码 429999 不存在" }]);
    sheet.spliceRows(3, 1);
    const ok = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    expect(
      await as(admin).procurement.import({
        kind: "implementations",
        fileName: "执行.xlsx",
        contentBase64: ok,
      }),
    ).toMatchObject({
      created: 1,
    });
    const rows = await as(admin).procurement.implementations.list({ jurisdictionCode: "420200" });
    expect(rows.find((r) => r.batchName === "第五批")).toMatchObject({
      startDate: "2021-10-01",
      savingsWanYuan: 88.5,
      inherited: false,
    });
    const docx = await refusal(
      as(admin).procurement.import({ kind: "batches", fileName: "批次.docx", contentBase64: b64("x") }),
    );
    expect(docx.code).toBe("BAD_REQUEST");
    expect(docx.data.rows).toEqual([{ line: 1, field: null, message: "仅支持 CSV 或 XLSX 文件" }]);
  });

  it("keeps one implementation record per batch and jurisdiction, with versioned edits", async () => {
    const [batch] = (await as(admin).procurement.batches.list({ category: "drug" })).filter(
      (b) => b.name === "第四批",
    );
    const created = await as(huangshiReporter).procurement.implementations.create({
      batchId: batch!.id,
      jurisdictionCode: "420200",
      startDate: "2021-05-01",
      agreedVolume: 1000,
      completionRatePct: null,
      savingsWanYuan: 12.5,
      note: null,
    });
    await expect(
      as(huangshiReporter).procurement.implementations.create({
        ...created,
        startDate: "2021-06-01",
        note: null,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const updated = await as(huangshiReporter).procurement.implementations.update({
      id: created.id,
      version: 1,
      data: { completionRatePct: 98 },
    });
    expect(updated).toMatchObject({ version: 2, completionRatePct: 98 });
    await expect(
      as(huangshiReporter).procurement.implementations.update({
        id: created.id,
        version: 1,
        data: { completionRatePct: 99 },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await as(huangshiReporter).procurement.implementations.delete({ id: created.id, version: 2 });
  });
});
