import { Result } from "effect";
import { dosageFormGroupOf, normaliseText, splitProductName } from "../dosage-form.ts";
import { ProcurementImportError, type RowIssue } from "../errors.ts";
import { type Batch, Variety } from "../schema.ts";
import { varietyKey } from "../variety-key.ts";
import { type ColumnSpec, locateColumns, nameKey, type RawTable, RowReader } from "./table.ts";

/**
 * Variety table import: one row per variety (drug) or class (consumable) of a batch named in the
 * `batch` column. Drugs give either `generic_name` + `dosage_form`, or a `product_name` whose form
 * can be read off ("恩替卡韦分散片", "注射用培美曲塞二钠"). Consumables give `product_class` (or
 * `product_name`). Rows are checked against each other and against the batch's existing list; the
 * same variety (name × form group) twice in one batch is an error.
 */
type VarietyColumn =
  | "batch"
  | "productName"
  | "genericName"
  | "dosageForm"
  | "productClass"
  | "priceCut"
  | "note";

export const varietyColumns: readonly ColumnSpec<VarietyColumn>[] = [
  { key: "batch", headers: ["batch", "批次名称", "批次"], required: true },
  { key: "productName", headers: ["product_name", "品种名称", "药品名称", "产品名称"], required: false },
  { key: "genericName", headers: ["generic_name", "通用名"], required: false },
  { key: "dosageForm", headers: ["dosage_form", "剂型"], required: false },
  { key: "productClass", headers: ["product_class", "耗材类别", "产品类别"], required: false },
  { key: "priceCut", headers: ["price_cut_pct", "降幅", "降幅(%)", "降幅（%）"], required: false },
  { key: "note", headers: ["note", "备注"], required: false },
];

/** Varieties to add to one batch. */
export interface BatchVarietyAddition {
  readonly batchId: string;
  readonly varieties: readonly Variety[];
  /** The batch's published count when it differs from the list after the import (shown to the user). */
  readonly publishedCount: number | null;
}

export function importVarietyTable(
  table: RawTable,
  batches: readonly Batch[],
): Result.Result<BatchVarietyAddition[], ProcurementImportError> {
  const { columns, issues: headerIssues } = locateColumns(table, varietyColumns);
  if (headerIssues.length > 0) return Result.fail(new ProcurementImportError({ issues: headerIssues }));
  if (!columns.at.has("productName") && !columns.at.has("genericName") && !columns.at.has("productClass")) {
    return Result.fail(
      new ProcurementImportError({
        issues: [
          {
            line: table.headerLine,
            field: null,
            message: "缺少品种列：需要“品种名称”、“通用名”+“剂型”或“耗材类别”",
          },
        ],
      }),
    );
  }

  const byName = new Map(batches.map((b) => [nameKey(b.name), b]));
  const issues: RowIssue[] = [];
  const added = new Map<string, Variety[]>();
  // Variety key → where it was first seen, per batch ("line" or the existing list).
  const seen = new Map<string, Map<string, number | "existing">>();

  for (const row of table.rows) {
    const r = new RowReader(columns, row);
    const batchName = r.required("batch", "批次名称");
    const batch = batchName === null ? undefined : byName.get(nameKey(batchName));
    if (batchName !== null && batch === undefined) r.fail("batch", `批次“${batchName}”不存在，请先导入批次`);
    const priceCutPct = r.number("priceCut", "降幅", { min: 0, max: 100 });
    const noteText = r.text("note");
    const note = noteText === "" ? null : noteText;

    let variety: Variety | null = null;
    if (batch !== undefined && batch.category === "drug") variety = readDrug(r, priceCutPct, note);
    else if (batch !== undefined) variety = readConsumable(r, priceCutPct, note);

    if (batch !== undefined && variety !== null) {
      let keys = seen.get(batch.id);
      if (keys === undefined) {
        keys = new Map();
        if (batch.varieties.kind === "listed")
          for (const v of batch.varieties.items) keys.set(varietyKey(v), "existing");
        seen.set(batch.id, keys);
      }
      const key = varietyKey(variety);
      const first = keys.get(key);
      if (first === "existing") r.fail(null, "该品种（通用名+剂型组）已在该批次中");
      else if (first !== undefined) r.fail(null, `与第${first}行为同一品种（通用名+剂型组）`);
      else keys.set(key, row.line);
    }

    // Last guard: the record must satisfy the domain schema.
    const checked = variety === null ? null : Variety.safeParse(variety);
    if (checked !== null && !checked.success) {
      for (const i of checked.error.issues) r.fail(null, `记录无效：${i.message}`);
    }
    if (r.issues.length > 0 || batch === undefined || variety === null) {
      issues.push(...r.issues);
      continue;
    }
    const list = added.get(batch.id);
    if (list === undefined) added.set(batch.id, [variety]);
    else list.push(variety);
  }

  if (issues.length > 0) return Result.fail(new ProcurementImportError({ issues }));
  return Result.succeed(
    [...added].map(([batchId, varieties]) => {
      const batch = batches.find((b) => b.id === batchId)!;
      const before = batch.varieties.kind === "listed" ? batch.varieties.items.length : 0;
      const published = batch.varieties.kind === "countOnly" ? batch.varieties.count : null;
      return {
        batchId,
        varieties,
        publishedCount: published !== null && published !== before + varieties.length ? published : null,
      };
    }),
  );
}

function readDrug(
  r: RowReader<VarietyColumn>,
  priceCutPct: number | null,
  note: string | null,
): Variety | null {
  const generic = r.text("genericName");
  const form = r.text("dosageForm");
  const product = r.text("productName");
  if (generic !== "" || form !== "") {
    if (generic === "") r.fail("genericName", "填写剂型时通用名不能为空");
    if (form === "") {
      r.fail("dosageForm", "填写通用名时剂型不能为空");
      return null;
    }
    const group = dosageFormGroupOf(form);
    if (group === null) {
      r.fail("dosageForm", `无法识别的剂型“${form}”`);
      return null;
    }
    if (generic === "") return null;
    return {
      kind: "drug",
      genericName: normaliseText(generic),
      dosageForm: normaliseText(form),
      dosageFormGroup: group,
      priceCutPct,
      note,
    };
  }
  if (product === "") {
    r.fail("productName", "药品须填写品种名称，或通用名和剂型");
    return null;
  }
  const split = splitProductName(product);
  if (split === null) {
    r.fail("productName", `无法从“${product}”识别剂型，请分别填写通用名和剂型`);
    return null;
  }
  return { kind: "drug", ...split, priceCutPct, note };
}

function readConsumable(
  r: RowReader<VarietyColumn>,
  priceCutPct: number | null,
  note: string | null,
): Variety | null {
  const cls = r.text("productClass") || r.text("productName");
  if (cls === "") {
    r.fail(r.text("productClass") === "" ? "productClass" : "productName", "耗材须填写耗材类别");
    return null;
  }
  return { kind: "consumable", productClass: normaliseText(cls), priceCutPct, note };
}

/** The batches with the imported varieties in place: a count-only batch becomes a listed one. */
export function applyVarietyAdditions(
  batches: readonly Batch[],
  additions: readonly BatchVarietyAddition[],
): Batch[] {
  const byBatch = new Map(additions.map((a) => [a.batchId, a.varieties]));
  return batches.map((b) => {
    const more = byBatch.get(b.id);
    if (more === undefined) return b;
    const before = b.varieties.kind === "listed" ? b.varieties.items : [];
    return { ...b, varieties: { kind: "listed", items: [...before, ...more] } };
  });
}
