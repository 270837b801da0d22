import { Result } from "effect";
import { AdminCode } from "../../jurisdiction/schema.ts";
import { ProcurementImportError, type RowIssue } from "../errors.ts";
import { Batch, type BatchLevel, PartialIsoDate, type ProcurementCategory } from "../schema.ts";
import { type ColumnSpec, headerOf, locateColumns, nameKey, type RawTable, RowReader } from "./table.ts";

/**
 * Batch table import. Columns (English as in vbp-batches.csv, or Chinese):
 * level/层级, batch/批次名称, announced/公布日期, category/类别 (required);
 * varieties/品种数, avg_price_cut_pct/平均降幅, source_url/来源链接, regions/参与省份,
 * retender_of/接续批次, note/备注 (optional).
 * A batch without a count is created with an empty list, to be filled by the variety import.
 * Every row problem is reported; nothing is returned for saving unless all rows are valid.
 */
type BatchColumn =
  | "level"
  | "name"
  | "announced"
  | "category"
  | "varieties"
  | "avgPriceCut"
  | "sourceUrl"
  | "regions"
  | "retenderOf"
  | "note";

export const batchColumns: readonly ColumnSpec<BatchColumn>[] = [
  { key: "level", headers: ["level", "层级", "组织层级", "批次层级"], required: true },
  { key: "name", headers: ["batch", "批次名称", "批次", "name"], required: true },
  { key: "announced", headers: ["announced", "公布日期", "结果公布日期", "日期"], required: true },
  { key: "category", headers: ["category", "类别", "采购类别"], required: true },
  { key: "varieties", headers: ["varieties", "品种数", "品种数量", "类别数"], required: false },
  {
    key: "avgPriceCut",
    headers: ["avg_price_cut_pct", "平均降幅", "平均降幅(%)", "平均降幅（%）"],
    required: false,
  },
  { key: "sourceUrl", headers: ["source_url", "来源链接", "来源", "来源网址"], required: false },
  { key: "regions", headers: ["regions", "参与省份", "省份代码", "参与省份代码"], required: false },
  { key: "retenderOf", headers: ["retender_of", "接续批次", "扩围/接续批次"], required: false },
  { key: "note", headers: ["note", "备注"], required: false },
];

const levelWords: Record<string, BatchLevel> = {
  national: "national",
  国家: "national",
  国家级: "national",
  国家组织: "national",
  provincial: "provincial",
  省级: "provincial",
  省: "provincial",
  alliance: "alliance",
  省际联盟: "alliance",
  联盟: "alliance",
};

const categoryWords: Record<string, ProcurementCategory> = {
  drug: "drug",
  药品: "drug",
  // vbp-batches.csv writes "consumable" for the national (high-value) consumable batches.
  consumable: "highValueConsumable",
  highvalueconsumable: "highValueConsumable",
  "high-valueconsumable": "highValueConsumable",
  高值医用耗材: "highValueConsumable",
  高值耗材: "highValueConsumable",
  otherconsumable: "otherConsumable",
  其他医用耗材: "otherConsumable",
  其他耗材: "otherConsumable",
  低值医用耗材: "otherConsumable",
};

const word = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

export interface BatchImportOptions {
  /** Batches already stored: names must not repeat them; `retender_of` may point at them. */
  readonly existing: readonly Batch[];
  /** Id for each new batch (the database's UUIDs; a counter in tests). */
  readonly newId: () => string;
}

export function importBatchTable(
  table: RawTable,
  options: BatchImportOptions,
): Result.Result<Batch[], ProcurementImportError> {
  const { columns, issues } = locateColumns(table, batchColumns);
  if (issues.length > 0) return Result.fail(new ProcurementImportError({ issues }));

  const all: RowIssue[] = [];
  const existingByName = new Map(options.existing.map((b) => [nameKey(b.name), b]));
  const newByName = new Map<string, { line: number; id: string }>();
  // Rows parsed first; retender_of is resolved afterwards because it may name a later row.
  const parsed: { reader: RowReader<BatchColumn>; batch: Batch; retenderName: string }[] = [];

  // Names of all rows, valid or not, so duplicates and retender targets are judged on the whole file.
  const firstLineByName = new Map<string, number>();
  for (const row of table.rows) {
    const name = new RowReader(columns, row).text("name");
    if (name !== "" && !firstLineByName.has(nameKey(name))) firstLineByName.set(nameKey(name), row.line);
  }

  for (const row of table.rows) {
    const r = new RowReader(columns, row);
    const levelText = r.required("level", "层级");
    const level = levelText === null ? null : (levelWords[word(levelText)] ?? null);
    if (levelText !== null && level === null)
      r.fail("level", `无法识别的层级“${levelText}”，应为 国家组织/省级/省际联盟`);

    const name = r.required("name", "批次名称");
    if (name !== null) {
      const key = nameKey(name);
      const first = firstLineByName.get(key)!;
      if (first !== row.line) r.fail("name", `批次名称与第${first}行重复`);
      else if (existingByName.has(key)) r.fail("name", `批次“${name}”已存在`);
    }

    const announcedText = r.required("announced", "公布日期");
    let announced: string | null = null;
    if (announcedText !== null) {
      const d = PartialIsoDate.safeParse(announcedText.normalize("NFKC"));
      if (d.success) announced = d.data;
      else r.fail("announced", `日期“${announcedText}”无效，应为 YYYY-MM-DD 或 YYYY-MM`);
    }

    const categoryText = r.required("category", "类别");
    const category = categoryText === null ? null : (categoryWords[word(categoryText)] ?? null);
    if (categoryText !== null && category === null) {
      r.fail("category", `无法识别的类别“${categoryText}”，应为 药品/高值医用耗材/其他医用耗材`);
    }

    const count = r.number("varieties", "品种数", { min: 0 });
    if (count !== null && !Number.isInteger(count)) r.fail("varieties", "品种数应为整数");
    const avgPriceCut = r.number("avgPriceCut", "平均降幅", { min: 0, max: 100 });

    const urlText = r.text("sourceUrl");
    if (urlText !== "" && !/^https?:\/\/\S+$/.test(urlText))
      r.fail("sourceUrl", "来源链接应以 http:// 或 https:// 开头");

    const regionCodes = r
      .text("regions")
      .split(/[;；,，、\s]+/)
      .filter((c) => c !== "");
    for (const c of regionCodes) {
      if (!AdminCode.safeParse(c).success) r.fail("regions", `省份代码“${c}”应为6位数字`);
      else if (!c.endsWith("0000")) r.fail("regions", `“${c}”不是省级行政区划代码`);
    }
    if (level === "national" && regionCodes.length > 0) r.fail("regions", "国家组织批次不填参与省份");
    if (level === "provincial" && regionCodes.length !== 1)
      r.fail("regions", "省级批次须填写且只填写一个省份代码");
    if (level === "alliance" && regionCodes.length < 2)
      r.fail("regions", "省际联盟批次须填写至少两个参与省份代码");

    const retenderName = r.text("retenderOf");
    const note = r.text("note");
    // The row's own words say it adds nothing new; without the origin it would be double counted.
    if (retenderName === "" && /不计新增/.test(`${name ?? ""}${note}`)) {
      r.fail("retenderOf", "批次注明“不计新增”，请在“接续批次”列填写其重复采购的原批次名称");
    } else if (retenderName !== "") {
      const key = nameKey(retenderName);
      if (name !== null && key === nameKey(name)) r.fail("retenderOf", "批次不能接续自身");
      else if (!firstLineByName.has(key) && !existingByName.has(key)) {
        r.fail("retenderOf", `接续批次“${retenderName}”不存在`);
      }
    }

    if (r.issues.length > 0 || level === null || name === null || announced === null || category === null) {
      all.push(...r.issues);
      continue;
    }
    const id = options.newId();
    newByName.set(nameKey(name), { line: row.line, id });
    parsed.push({
      reader: r,
      retenderName,
      batch: {
        id,
        level,
        name,
        announced,
        category,
        averagePriceCutPct: avgPriceCut,
        sourceUrl: urlText === "" ? null : urlText,
        regionCodes,
        varieties: count === null ? { kind: "listed", items: [] } : { kind: "countOnly", count },
        retenderOf: null,
        note: note === "" ? null : note,
      },
    });
  }

  const batches: Batch[] = [];
  for (const { reader, batch, retenderName } of parsed) {
    if (retenderName === "") {
      batches.push(batch);
      continue;
    }
    const key = nameKey(retenderName);
    const originBatch =
      parsed.find((p) => p.batch.id === newByName.get(key)?.id)?.batch ?? existingByName.get(key);
    // An origin row that is itself invalid fails the import already; nothing more to say here.
    if (originBatch === undefined) continue;
    if (originBatch.category !== batch.category)
      reader.fail("retenderOf", `接续批次“${retenderName}”的类别不同`);
    if (reader.issues.length > 0) all.push(...reader.issues);
    else batches.push({ ...batch, retenderOf: originBatch.id });
  }

  // A chain of retenders that loops back would make the origin unknowable.
  const byId = new Map<string, Batch>([...options.existing, ...batches].map((b) => [b.id, b]));
  for (const b of batches) {
    const seen = new Set<string>([b.id]);
    let cur = b.retenderOf === null ? undefined : byId.get(b.retenderOf);
    while (cur !== undefined) {
      if (seen.has(cur.id)) {
        const line = parsed.find((p) => p.batch.id === b.id)!.reader.row.line;
        all.push({ line, field: headerOf(columns, "retenderOf"), message: "接续关系成环" });
        break;
      }
      seen.add(cur.id);
      cur = cur.retenderOf === null ? undefined : byId.get(cur.retenderOf);
    }
  }

  // Last guard: every record must satisfy the domain schema before anyone saves it.
  for (const b of batches) {
    const checked = Batch.safeParse(b);
    if (!checked.success) {
      const line = parsed.find((p) => p.batch.id === b.id)!.reader.row.line;
      all.push(
        ...checked.error.issues.map((i) => ({ line, field: null, message: `记录无效：${i.message}` })),
      );
    }
  }

  if (all.length > 0) {
    all.sort((a, b) => a.line - b.line);
    return Result.fail(new ProcurementImportError({ issues: all }));
  }
  return Result.succeed(batches);
}
