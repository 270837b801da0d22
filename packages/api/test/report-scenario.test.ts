import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { auditLog, type Database, jurisdictions, migrate, migrationsDir, openDatabase } from "@ybplan/db";
import { sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import { type PlanReport, REMEDY_PENDING } from "@ybplan/domain/report";
import { hasTraditional } from "@ybplan/domain/text";
import { importPlanDocument } from "@ybplan/importer";
import { samplePlans } from "@ybplan/samples";
import { eq } from "drizzle-orm";
import { Effect } from "effect";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../src/auth/session.ts";
import { createCaller, createContextInner } from "../src/index.ts";
import { planReport } from "../src/services/reports.ts";

/**
 * A reporting clerk's year: the 黄石市 and 湖南省 sample plans imported through the API, their
 * 2021–2023 figures entered with upsertYear (value, 数据来源, 说明), then the annual report in every
 * format. The document must say one thing per indicator, everywhere.
 */

let database: Database;
const admin: SessionUser = {
  id: randomUUID(),
  username: "admin",
  displayName: "管理员",
  role: "admin",
  jurisdictionCode: null,
  mustChangePassword: false,
};
const api = () => createCaller(createContextInner({ database, user: admin }));

async function importSample(key: string): Promise<string> {
  const sample = samplePlans.find((s) => s.key === key)!;
  const document = await Effect.runPromise(
    importPlanDocument({ bytes: new Uint8Array(readFileSync(sample.path)), fileName: `${key}.txt` }),
  );
  return (await api().import.commit({ document })).planId;
}

type Entry = { value: number; source?: string; note?: string };

/** Enters one year as the data-entry page does: only the named indicators, numbers with their source. */
async function enterYear(planId: string, year: number, values: Record<string, Entry>) {
  const inds = await api().indicators.list({ planId });
  const rows = Object.entries(values).map(([name, e]) => {
    const i = inds.find((x) => x.name === name);
    if (!i) throw new Error(`no indicator ${name}`);
    return {
      indicatorId: i.id,
      value: { kind: "number" as const, value: e.value },
      source: e.source ?? "市医保局统计报表",
      note: e.note ?? null,
      version: null,
    };
  });
  await api().observations.upsertYear({ planId, year, rows });
}

const 参保率 = "基本医疗保险参保率";
const 职工 = "职工医保政策范围内住院费用报销比例";
const 居民 = "城乡居民医保政策范围内住院费用报销比例";
const 窗口 = "医保经办服务事项窗口可办率";
const 救助 = "重点救助对象政策范围内住院费用救助比例";
const 集采 = "落实国家和省组织药品集中带量采购品种";
const dip = "实行DIP付费和按病种付费的住院费用占全部住院费用的比例";

let huangshi = "";
let hunan = "";
let report: PlanReport;

beforeAll(async () => {
  database = await openDatabase();
  const files = readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ""), sql: readFileSync(`${migrationsDir}${f}`, "utf8") }));
  await migrate(database, files);
  await database.db.insert(jurisdictions).values(sampleJurisdictions.map((j) => ({ ...j })));
  huangshi = await importSample("hubei-huangshi-city");
  hunan = await importSample("hunan-province");
  // 参保率 is judged on the period average (footnote ①): 96.8, 95.6, 96.1 → 96.17.
  // 职工 falls two years running below its 75.6 baseline; 居民 (binding) has no data at all.
  await enterYear(huangshi, 2021, { [参保率]: { value: 96.8 }, [职工]: { value: 75.8 } });
  await enterYear(huangshi, 2022, { [参保率]: { value: 95.6 }, [职工]: { value: 75.3 } });
  await enterYear(huangshi, 2023, {
    [参保率]: { value: 96.1, source: "市医保局参保登记系统", note: "含省直单位参保人员" },
    [职工]: { value: 75.0 },
    [窗口]: { value: 94 },
    [救助]: { value: 75.3 },
    [集采]: { value: 374, source: "省医药集中采购平台" },
    [dip]: { value: 66.8 },
  });
  await enterYear(hunan, 2023, {
    基本医疗保险参保率: { value: 96.2 },
    职工医保住院费用政策范围内报销比例: { value: 81.1 },
    重点救助对象符合规定的医疗费用住院救助比例: { value: 75.3 },
  });
  report = await reportOf(huangshi);
});
afterAll(() => database.close());

async function reportOf(planId: string): Promise<PlanReport> {
  const { JurisdictionDirectory } = await import("../src/auth/directory.ts");
  const all = await database.db.select().from(jurisdictions);
  return planReport(
    database.db,
    new JurisdictionDirectory(all),
    { planId, year: 2023, kind: "annual" },
    null,
  );
}

async function generate(planId: string, format: "docx" | "xlsx" | "md") {
  const out = await api().reports.generate({
    planId,
    year: 2023,
    kind: "annual",
    format,
    issuedOn: "2024-01-20",
  });
  return Buffer.from(out.base64, "base64");
}

const row = (name: string) => report.indicators.find((r) => r.name === name)!;
const num = (text: string) => Number(text.replace(/[^\d.]/g, ""));

describe("annual report of a clerk's year (黄石市 2023)", () => {
  it("judges the average where the footnote says so, and says it once, with one gap", async () => {
    const r = row(参保率);
    expect(r.assessed).toMatchObject({ label: "2021—2023年均值", text: "96.17%" });
    expect(r.gap).toMatchObject({ text: "+0.17个百分点", against: "target" });
    expect(r.sentence).toBe(
      "基本医疗保险参保率2021—2023年均值为96.17%，高于约束性目标（96%）0.17个百分点，按规划注释，以期间各年平均值判断，已达成。",
    );
    // No other figure for the same comparison anywhere in the document.
    const md = (await generate(huangshi, "md")).toString("utf8");
    const mentions = md.split("\n").filter((l) => l.includes(参保率) && !l.startsWith("|"));
    expect(mentions.length).toBeGreaterThan(0);
    for (const l of mentions) {
      const clause = l.slice(l.indexOf(参保率)).split(/[；。]/)[0]!;
      for (const m of clause.matchAll(/([\d.]+)个百分点/g)) expect(m[1]).toBe("0.17");
    }
  });

  it("prints every indicator's value, gap and verdict identically in narrative, docx table and xlsx", async () => {
    const zip = await JSZip.loadAsync(await generate(huangshi, "docx"));
    const xml = await zip.file("word/document.xml")!.async("string");
    const cells = (tr: string) =>
      [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) =>
        [...c[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
      );
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    const docRows = [...table.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => cells(m[0])).slice(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await generate(huangshi, "xlsx")) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("主要指标")!;
    const header = (ws.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => header.indexOf(name);
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
      .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""))
      .join("\n");
    report.indicators.forEach((r, i) => {
      const d = docRows[i]!;
      expect(d[0]).toBe(String(r.position));
      expect(d[8]).toBe(r.assessed.value === null ? "—" : `${r.assessed.label}${r.assessed.text}`);
      expect(d[9]).toBe(r.gap?.text ?? "—");
      expect(d[10]).toBe(r.verdictLabel);
      const x = ws.getRow(i + 2);
      expect(x.getCell(col("指标名称")).value).toBe(r.name);
      expect(x.getCell(col("评估结论")).value).toBe(r.verdictLabel);
      // Percentages as fractions (0.00% format), so 评估依据值 − 目标 recomputes the gap.
      const k = r.unit === "%" ? 0.01 : 1;
      const cell = (c: string) => x.getCell(col(c)).value as number | null;
      if (r.assessed.value === null) expect(cell("评估依据值")).toBeNull();
      else expect(cell("评估依据值")).toBeCloseTo(r.assessed.value * k, 8);
      if (r.gap === null) expect(cell("差距")).toBeNull();
      else expect(cell("差距")).toBeCloseTo(r.gap.value * k, 8);
      // The narrative says the same sentence (inside its category paragraph).
      expect(paragraphs).toContain(r.sentence.replace(/。$/, ""));
    });
  });

  it("gets the gap arithmetic right: the gap is the assessed value minus the line or the target", () => {
    for (const r of report.indicators) {
      if (r.gap === null || r.assessed.value === null) continue;
      const against = r.gap.against === "line" ? r.expected! : null;
      if (against !== null)
        expect(Math.abs(r.gap.value)).toBeCloseTo(Math.abs(r.assessed.value - against), 6);
      expect(num(r.gap.text)).toBeCloseTo(Math.round(Math.abs(r.gap.value) * 100) / 100, 6);
    }
    const 职工row = row(职工);
    // 75.6 + (76 − 75.6) × 3/5 = 75.84; 75.0 − 75.84 = −0.84.
    expect(职工row.gap).toMatchObject({ against: "line", text: "-0.84个百分点" });
    expect(职工row.sentence).toContain("按时序进度应达到75.84%，落后时序进度0.84个百分点");
  });

  it("never claims the binding indicators are all met while one has no data, and names it", () => {
    expect(report.counts.binding.noData).toEqual([居民]);
    const all = [...report.narrative.overview, ...report.narrative.breaches].join("");
    expect(all).not.toContain("均未出现未达标情形");
    expect(all).not.toContain("均达到目标或进度要求");
    expect(report.narrative.overview[1]).toContain(`1项暂无监测数据（${居民}）`);
  });

  it("prints the breach with its trend and the pending causes and measures", () => {
    const r = row(职工);
    expect(r.breach).toBe(true);
    expect(r.trend).toBe("较基期75.6%下降0.6个百分点，连续两年下降，呈倒退趋势");
    expect(r.remedy).toBe(REMEDY_PENDING);
    expect(report.narrative.breaches.join("")).toContain(`${r.sentence}${REMEDY_PENDING}`);
  });

  it("prints the cause, measure and responsible unit once staff enter them", async () => {
    const id = row(职工).id;
    await api().cycle.saveExplanations({
      planId: huangshi,
      year: 2023,
      rows: [
        {
          indicatorId: id,
          cause: "部分定点医院政策外用药增加",
          measure: "开展政策范围外费用专项治理",
          responsibleUnit: "市医保局待遇保障科",
          version: null,
        },
      ],
    });
    const after = (await reportOf(huangshi)).indicators.find((r) => r.id === id)!;
    expect(after.remedy).toBe(
      "原因：部分定点医院政策外用药增加；整改措施：开展政策范围外费用专项治理；责任单位：市医保局待遇保障科",
    );
    const md = (await generate(huangshi, "md")).toString("utf8");
    expect(md).toContain(`${after.sentence}${after.remedy}。`);
    expect(md).not.toContain(`${after.sentence}${REMEDY_PENDING}`);
  });

  it("reads verdicts right: a beaten threshold is met, no baseline is not 'lagging'", () => {
    expect(row(救助).verdictLabel).toBe("已达成");
    const d = row(dip);
    expect(d.verdict).not.toBe("behind");
    expect(d.method).toContain("规划未设基期值");
    expect(d.sentence).toContain("距预期性目标（75%）尚差8.2个百分点");
  });

  it("prints the source and note entered with a value", async () => {
    expect(row(参保率)).toMatchObject({ source: "市医保局参保登记系统", note: "含省直单位参保人员" });
    const md = (await generate(huangshi, "md")).toString("utf8");
    expect(md).toContain("市医保局参保登记系统；含省直单位参保人员");
  });

  it("speaks of procurement with the indicator's own value and baseline, in the city's word", () => {
    const p = report.procurement!;
    expect(p.paragraphs[0]).toBe(
      // 112 + (500 − 112) × 3/5 = 344.8; 374 − 344.8 = 29.2 ahead of the line.
      `截至2023年底，全市${集采}据填报数据为374个，较基期（112个）增加262个，规划目标为“>500”，按时序进度应达到344.8个，快于时序进度29.2个，进展顺利。`,
    );
    expect(p.paragraphs.join("")).not.toContain("本地区");
    expect(p.tables.map((t) => t.title)).not.toContain("集中带量采购累计数量");
  });

  it("lists key tasks only: the 24 of 第三章, none of the principles, goals or safeguards", () => {
    expect(report.tasks.rows.length).toBe(24);
    const titles = report.tasks.rows.map((t) => t.title);
    expect(titles).not.toContain("坚持覆盖全民，应保尽保");
    expect(titles).not.toContain("参保覆盖不断优化");
    expect(titles).not.toContain("加强组织领导");
    // Nobody reported on them: 未填报, never 未启动.
    expect(new Set(report.tasks.rows.map((t) => t.statusLabel))).toEqual(new Set(["未填报"]));
  });

  it("keeps a planner's correction of an outline node's kind, through a re-import, audited", async () => {
    const task = (await api().tasks.list({ planId: huangshi })).find(
      (t) => t.title === "探索建立长期护理保险",
    )!;
    await api().reports.setOutlineKind({ taskId: task.id, kind: "safeguard", version: task.version });
    const corrected = await reportOf(huangshi);
    expect(corrected.tasks.rows.length).toBe(23);
    expect(corrected.tasks.rows.map((t) => t.title)).not.toContain("探索建立长期护理保险");
    await importSample("hubei-huangshi-city");
    expect((await reportOf(huangshi)).tasks.rows.length).toBe(23);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, task.id));
    expect(audit.some((a) => (a.after as { kind?: string } | null)?.kind === "safeguard")).toBe(true);
  });

  it("addresses and signs the document", async () => {
    expect(report.recipient).toBe("湖北省医疗保障局，黄石市人民政府");
    const md = (await generate(huangshi, "md")).toString("utf8");
    expect(md).toContain("湖北省医疗保障局，黄石市人民政府：");
    expect(md).toContain("黄石市医疗保障局<br>2024年1月20日");
  });
});

describe("湖南省 2023: a simplified report from a plan written partly in traditional characters", () => {
  it("has no traditional character in any format", async () => {
    const md = (await generate(hunan, "md")).toString("utf8");
    expect(hasTraditional(md)).toBe(false);
    expect(md).toContain("稳定在80%左右");
    const zip = await JSZip.loadAsync(await generate(hunan, "docx"));
    expect(hasTraditional(await zip.file("word/document.xml")!.async("string"))).toBe(false);
  });

  it("prints and judges the target in force after a 中期调整, as the overview does", async () => {
    const inds = await api().indicators.list({ planId: hunan });
    const coverage = inds.find((i) => i.name === "基本医疗保险参保率")!;
    await api().indicators.reviseTarget({
      indicatorId: coverage.id,
      effectiveYear: 2023,
      targetText: "97%以上",
      reason: "参保扩面任务提高",
      basis: "湘医保发〔2023〕1号",
    });
    const r = await reportOf(hunan);
    const row = r.indicators.find((x) => x.id === coverage.id)!;
    expect(row.target.text).toBe("97%以上（调整后）");
    // Against the planned 95% it would be met; against 97% in force: 95 + (97 − 95) × 3/5 = 96.2.
    expect(row.sentence).toBe(
      "基本医疗保险参保率2023年为96.2%，按时序进度应达到96.2%，与时序进度持平，进展顺利。",
    );
    // One rule, one place: every verdict and breach in the report is the overview's.
    const overview = await api().evaluation.matrix({ planId: hunan, year: 2023 });
    for (const e of overview.evaluations) {
      const mine = r.indicators.find((x) => x.id === e.indicatorId)!;
      expect({ id: e.indicatorId, verdict: mine.verdict, breach: mine.breach }).toEqual({
        id: e.indicatorId,
        verdict: e.verdict,
        breach: e.breach,
      });
    }
    expect(overview.evaluations.find((e) => e.indicatorId === coverage.id)!.verdict).toBe(row.verdict);
  });

  it("says when the year's data is not approved yet, and stops saying it once approved", async () => {
    const before = (await generate(hunan, "md")).toString("utf8");
    expect(before).toMatch(
      /2023年度监测数据尚未审核通过（当前状态：(填报中|未填报)），本报告数据以审核结果为准。/,
    );
    // Submitting asks for every binding value and a cause for each binding indicator behind.
    const inds = await api().indicators.list({ planId: hunan });
    const id = (name: string) => inds.find((i) => i.name === name)!.id;
    await enterYear(hunan, 2023, { "居民医保住院费用政策范围内报销比例(含大病保险)": { value: 70.5 } });
    await api().cycle.saveExplanations({
      planId: hunan,
      year: 2023,
      rows: [
        {
          indicatorId: id("职工医保住院费用政策范围内报销比例"),
          cause: "高于稳定区间，系大病保险倾斜所致",
          measure: "按统筹基金承受能力调整",
          responsibleUnit: "省医保局待遇保障处",
          version: null,
        },
      ],
    });
    await api().cycle.submit({ planId: hunan, year: 2023 });
    // Another person approves (nobody approves their own submission).
    const reviewer: SessionUser = { ...admin, id: randomUUID(), username: "reviewer", displayName: "审核人" };
    await createCaller(createContextInner({ database, user: reviewer })).cycle.approve({
      planId: hunan,
      year: 2023,
    });
    const after = (await generate(hunan, "md")).toString("utf8");
    expect(after).not.toContain("尚未审核通过");
    // An administrator reopens the approved year: the report says when, by whom and why.
    await api().cycle.unlock({ planId: hunan, year: 2023, reason: "参保率数据经统计部门复核更正" });
    const unlocked = (await generate(hunan, "md")).toString("utf8");
    expect(unlocked).toMatch(
      /2023年度数据审核通过后曾于\d{4}年\d{1,2}月\d{1,2}日由.+解锁修改（原因：参保率数据经统计部门复核更正）。/,
    );
  });

  it("does not call a benefit ratio above its band lagging — in the report or the overview", async () => {
    const r = (await reportOf(hunan)).indicators.find(
      (x) => x.name === "重点救助对象符合规定的医疗费用住院救助比例",
    )!;
    expect(r.verdictLabel).toBe("已达成");
    expect(r.sentence).toContain("好于目标");
    const overview = await api().evaluation.matrix({ planId: hunan, year: 2023 });
    expect(overview.evaluations.find((e) => e.indicatorId === r.id)!.verdict).toBe("achieved");
  });
});

describe("待遇政策调整 in the report: the policy documents' own comparison", () => {
  const resident3 = (value: number) =>
    ({
      kind: "reimbursementRatio",
      scheme: "resident",
      service: "inpatient",
      level: "level3",
      value,
    }) as const;
  const sentence =
    "城乡居民医保三级医疗机构住院报销比例由60%调整为65%（自2023年1月1日起，依据《关于调整城乡居民医保住院待遇的通知》（黄医保发〔2023〕5号））。";

  it("a 2023 amendment appears in the 2023 report (narrative, table and xlsx), not in a year without change", async () => {
    const doc2020 = await api().policies.create({
      title: "黄石市基本医疗保险市级统筹实施办法",
      docNumber: "黄政规〔2020〕1号",
      issuer: "黄石市人民政府",
      jurisdictionCode: "420200",
      effectiveFrom: "2020-01-01",
      parameters: [resident3(60)],
    });
    expect((await reportOf(huangshi)).policy).toBeNull();
    await api().policies.create({
      title: "关于调整城乡居民医保住院待遇的通知",
      docNumber: "黄医保发〔2023〕5号",
      issuer: "黄石市医疗保障局",
      jurisdictionCode: "420200",
      effectiveFrom: "2023-01-01",
      supersedes: [{ documentId: doc2020.id, mode: "amend" }],
      parameters: [resident3(65)],
    });
    const r = await reportOf(huangshi);
    expect(r.policy?.title).toBe("待遇政策调整");
    expect(r.policy?.paragraphs).toEqual([
      "2022年12月31日至2023年12月31日，全市调整医疗保障待遇和筹资参数1项：",
      sentence,
    ]);
    expect(r.policy?.tables[0]?.rows).toEqual([
      [
        "城乡居民医保三级医疗机构住院报销比例",
        "60%",
        "65%",
        "2023年1月1日",
        "《关于调整城乡居民医保住院待遇的通知》（黄医保发〔2023〕5号）",
      ],
    ]);
    const md = (await generate(huangshi, "md")).toString("utf8");
    expect(md).toContain("待遇政策调整");
    expect(md).toContain(sentence);
    const zip = await JSZip.loadAsync(await generate(huangshi, "docx"));
    const xml = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    expect(xml).toContain(sentence);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await generate(huangshi, "xlsx")) as unknown as ArrayBuffer);
    const texts = wb.worksheets.flatMap((ws) =>
      (ws.getSheetValues() as unknown[]).flatMap((r) => (Array.isArray(r) ? r.map(String) : [])),
    );
    expect(texts).toContain(sentence);
    // The year after: nothing changed in 2024's window, so no section.
    const next = await api().reports.generate({ planId: huangshi, year: 2024, kind: "annual", format: "md" });
    expect(Buffer.from(next.base64, "base64").toString("utf8")).not.toContain("待遇政策调整");
  });
});
