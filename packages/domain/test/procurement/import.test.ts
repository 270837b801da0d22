import { readFileSync } from "node:fs";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  applyVarietyAdditions,
  type Batch,
  countVarieties,
  formatRowIssue,
  importBatchTable,
  importImplementationTable,
  importVarietyTable,
  nationalBatches,
  parseCsv,
  type RowIssue,
  yearEnd,
} from "../../src/procurement/index.ts";
import { index } from "./helpers.ts";

const sharedCsv = readFileSync(new URL("./fixtures/vbp-batches.csv", import.meta.url), "utf8");

function counter(prefix = "b") {
  let n = 0;
  return () => `${prefix}${++n}`;
}

function table(text: string) {
  return Result.getOrThrow(parseCsv(text));
}

function issuesOf<A>(r: Result.Result<A, { issues: readonly RowIssue[] }>): RowIssue[] {
  if (Result.isSuccess(r)) throw new Error("expected the import to fail");
  return [...r.failure.issues];
}

describe("parseCsv", () => {
  it("reads quotes, escaped quotes, embedded newlines, CRLF and a BOM, with record line numbers", () => {
    const t = table('\uFEFFa,b\r\n1,"x, ""y"""\r\n\r\n2,"two\nlines"\n3,\n');
    expect(t.header).toEqual(["a", "b"]);
    expect(t.rows).toEqual([
      { line: 2, cells: ["1", 'x, "y"'] },
      { line: 4, cells: ["2", "two\nlines"] },
      { line: 6, cells: ["3", ""] },
    ]);
  });

  it("fails on an unclosed quote with the line where the field starts", () => {
    expect(issuesOf(parseCsv('a,b\n1,"open\n2,3\n'))).toEqual([
      { line: 2, field: null, message: "引号未闭合，文件格式错误" },
    ]);
    expect(issuesOf(parseCsv(""))[0]!.message).toBe("文件为空");
  });
});

describe("batch import", () => {
  it("refuses the shared vbp-batches.csv as is: the extension row says 不计新增 but names no origin", () => {
    const issues = issuesOf(importBatchTable(table(sharedCsv), { existing: [], newId: counter() }));
    expect(issues).toEqual([
      {
        line: 3,
        field: "retender_of",
        message: "批次注明“不计新增”，请在“接续批次”列填写其重复采购的原批次名称",
      },
    ]);
  });

  it("imports all 21 rows once the extension names its origin, and counts 112 for batches 1–3", () => {
    const lines = sharedCsv.trimEnd().split("\n");
    const withOrigin = [
      `${lines[0]},retender_of`,
      ...lines.slice(1).map((l) => (l.includes("不计新增") ? `${l},第一批（“4+7”试点）` : `${l},`)),
    ].join("\n");
    const batches = Result.getOrThrow(
      importBatchTable(table(withOrigin), { existing: [], newId: counter() }),
    );
    expect(batches).toHaveLength(21);
    const ext = batches[1]!;
    expect(ext).toMatchObject({
      level: "national",
      category: "drug",
      announced: "2019-09",
      retenderOf: batches[0]!.id,
    });
    expect(batches[12]).toMatchObject({
      category: "highValueConsumable",
      varieties: { kind: "countOnly", count: 1 },
    });
    expect(batches[10]!.averagePriceCutPct).toBeNull();

    const hubei = batches.slice(1, 4).map((b) => ({
      batchId: b.id,
      jurisdictionCode: "420000",
      startDate: "2020-11-30",
      agreedVolume: null,
      completionRatePct: null,
      savingsWanYuan: null,
      note: null,
    }));
    expect(countVarieties(index(batches, hubei), "420200", "drug", yearEnd(2020)).value).toBe(112);
  });

  it("reports every bad row with its line, column and a Chinese message, and returns nothing", () => {
    const csv = [
      "层级,批次名称,公布日期,类别,品种数,平均降幅,参与省份,接续批次",
      "省级,湖北省第一批,2021-03-15,药品,20,45%,420000,",
      "市级,南阳市第一批,2021-13-01,药,,abc,,", // line 3: level, date, category, cut
      "省级,湖北省第一批,2021-05,药品,10,,420000,", // line 4: duplicate name
      "省际联盟,联盟接续,2022-01,药品,,,420000,不存在的批次", // line 5: one province, unknown origin
      "国家组织,第三批,2020-08-20,药品,55,53,,", // line 6: exists already
      ",,,,,,,", // blank row: skipped
      "省级,安徽省耗材,2020-06,高值医用耗材,4,,340100,", // line 8: not a province code
    ].join("\n");
    const issues = issuesOf(importBatchTable(table(csv), { existing: nationalBatches, newId: counter() }));
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [3, "层级"],
      [3, "公布日期"],
      [3, "类别"],
      [3, "平均降幅"],
      [4, "批次名称"],
      [5, "参与省份"],
      [5, "接续批次"],
      [6, "批次名称"],
      [8, "参与省份"],
    ]);
    expect(issues.map(formatRowIssue)).toContain("第4行 [批次名称]：批次名称与第2行重复");
    expect(issues.map(formatRowIssue)).toContain(
      "第3行 [公布日期]：日期“2021-13-01”无效，应为 YYYY-MM-DD 或 YYYY-MM",
    );
    expect(issues.map(formatRowIssue)).toContain("第6行 [批次名称]：批次“第三批”已存在");
  });

  it("names a missing required column", () => {
    const issues = issuesOf(
      importBatchTable(table("层级,批次名称,类别\n省级,x,药品\n"), { existing: [], newId: counter() }),
    );
    expect(issues).toEqual([
      {
        line: 1,
        field: "announced",
        message: "缺少必填列“announced”（也可写作：公布日期、结果公布日期、日期）",
      },
    ]);
  });

  it("checks each record against the domain schema before returning it", () => {
    const csv = "层级,批次名称,公布日期,类别,来源链接\n国家组织,甲,2021-01,药品,http://bad[host/x\n";
    const issues = issuesOf(importBatchTable(table(csv), { existing: [], newId: counter() }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 2, field: null });
    expect(issues[0]!.message.startsWith("记录无效：")).toBe(true);
  });

  it("rejects retender chains that loop", () => {
    const csv =
      "层级,批次名称,公布日期,类别,品种数,接续批次\n国家组织,甲,2021-01,药品,3,乙\n国家组织,乙,2021-02,药品,3,甲\n";
    const issues = issuesOf(importBatchTable(table(csv), { existing: [], newId: counter() }));
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [2, "接续关系成环"],
      [3, "接续关系成环"],
    ]);
  });
});

describe("variety import", () => {
  const provincial: Batch = {
    id: "hb1",
    level: "provincial",
    name: "湖北省第一批",
    announced: "2021-03-15",
    category: "drug",
    averagePriceCutPct: null,
    sourceUrl: null,
    regionCodes: ["420000"],
    varieties: { kind: "countOnly", count: 4 },
    retenderOf: null,
    note: null,
  };
  const batches = [...nationalBatches, provincial];

  it("splits product names, reads generic name + form, and turns a count-only batch into a listed one", () => {
    const csv = [
      "批次名称,品种名称,通用名,剂型,耗材类别,降幅",
      "湖北省第一批,恩替卡韦分散片,,,,60",
      "湖北省第一批,注射用培美曲塞二钠,,,,",
      "湖北省第一批,,琥珀酸美托洛尔,缓释片,,",
      "第五批高值耗材（人工耳蜗、外周血管支架）,,,,人工耳蜗植入体,",
    ].join("\n");
    const additions = Result.getOrThrow(importVarietyTable(table(csv), batches));
    expect(additions.map((a) => [a.batchId, a.varieties.length, a.publishedCount])).toEqual([
      ["hb1", 3, 4],
      ["national-hvc-05", 1, null],
    ]);
    expect(additions[0]!.varieties[0]).toEqual({
      kind: "drug",
      genericName: "恩替卡韦",
      dosageForm: "分散片",
      dosageFormGroup: "oralImmediate",
      priceCutPct: 60,
      note: null,
    });
    const updated = applyVarietyAdditions(batches, additions);
    const hb1 = updated.find((b) => b.id === "hb1")!;
    expect(
      hb1.varieties.kind === "listed" &&
        hb1.varieties.items.map((v) => v.kind === "drug" && v.dosageFormGroup),
    ).toEqual(["oralImmediate", "injection", "oralModified"]);
    const hvc5 = updated.find((b) => b.id === "national-hvc-05")!;
    expect(hvc5.varieties.kind === "listed" && hvc5.varieties.items).toHaveLength(3);
  });

  it("reports unknown batches, unreadable forms and repeated varieties by line", () => {
    const csv = [
      "批次名称,品种名称,通用名,剂型",
      "湖北省第一批,阿托伐他汀钙片,,", // 2
      "湖北省第二批,阿莫西林胶囊,,", // 3: no such batch
      "湖北省第一批,阿托伐他汀钙胶囊,,", // 4: same variety as line 2 (口服常释剂型)
      "湖北省第一批,,布洛芬,气雾糖", // 5: unknown form
      "湖北省第一批,维生素C,,", // 6: no form in the name
      "第一批高值耗材（冠脉支架）,冠脉支架,,", // 7: already in the batch
    ].join("\n");
    const issues = issuesOf(importVarietyTable(table(csv), batches));
    expect(issues.map(formatRowIssue)).toEqual([
      "第3行 [批次名称]：批次“湖北省第二批”不存在，请先导入批次",
      "第4行：与第2行为同一品种（通用名+剂型组）",
      "第5行 [剂型]：无法识别的剂型“气雾糖”",
      "第6行 [品种名称]：无法从“维生素C”识别剂型，请分别填写通用名和剂型",
      "第7行：该品种（通用名+剂型组）已在该批次中",
    ]);
  });
});

describe("implementation import", () => {
  const hb: Batch = {
    ...nationalBatches[0]!,
    id: "hb",
    name: "湖北省第一批",
    level: "provincial",
    regionCodes: ["420000"],
    announced: "2021-03",
  };
  const batches = [...nationalBatches, hb];

  it("reads records and checks province, duplicates and dates", () => {
    const csv = [
      "批次名称,行政区划代码,执行日期,约定采购量,完成率,节约金额(万元)",
      "第三批,420200,2020-11-01,1200000,135.5,860",
      "湖北省第一批,420200,2021-06-01,,,",
      "湖北省第一批,410000,2021-06-01,,,", // 4: outside Hubei
      "第三批,420200,2020-12-01,,,", // 5: duplicate of line 2
      "第二批,4202,2020/05/01,-3,,", // 6: code, date, volume
      "第四批,420200,2020-01-01,,,", // 7: before the batch was announced
    ].join("\n");
    const issues = issuesOf(importImplementationTable(table(csv), { batches, existing: [] }));
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [4, "行政区划代码"],
      [5, null],
      [6, "行政区划代码"],
      [6, "执行日期"],
      [6, "约定采购量"],
      [7, "执行日期"],
    ]);
    const ok = Result.getOrThrow(
      importImplementationTable(table([csv.split("\n")[0], csv.split("\n")[1]].join("\n")), {
        batches,
        existing: [],
      }),
    );
    expect(ok).toEqual([
      {
        batchId: "national-drug-03",
        jurisdictionCode: "420200",
        startDate: "2020-11-01",
        agreedVolume: 1_200_000,
        completionRatePct: 135.5,
        savingsWanYuan: 860,
        note: null,
      },
    ]);
  });
});
