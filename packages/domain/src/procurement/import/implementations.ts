import { Result } from "effect";
import { IsoDate } from "../../common/schema.ts";
import { AdminCode } from "../../jurisdiction/schema.ts";
import { ProcurementImportError, type RowIssue } from "../errors.ts";
import { type Batch, Implementation } from "../schema.ts";
import { type ColumnSpec, locateColumns, nameKey, type RawTable, RowReader } from "./table.ts";

/**
 * Implementation table import: which batch a jurisdiction put into effect, from when, with the
 * agreed volume, completion rate and savings. A provincial or alliance batch can only be
 * implemented inside its provinces; one batch once per jurisdiction.
 */
type ImplementationColumn =
  | "batch"
  | "jurisdiction"
  | "startDate"
  | "agreedVolume"
  | "completionRate"
  | "savings"
  | "note";

export const implementationColumns: readonly ColumnSpec<ImplementationColumn>[] = [
  { key: "batch", headers: ["batch", "批次名称", "批次"], required: true },
  { key: "jurisdiction", headers: ["jurisdiction_code", "行政区划代码", "地区代码"], required: true },
  { key: "startDate", headers: ["start_date", "执行日期", "开始执行日期"], required: true },
  { key: "agreedVolume", headers: ["agreed_volume", "约定采购量"], required: false },
  {
    key: "completionRate",
    headers: ["completion_rate_pct", "完成率", "完成率(%)", "完成率（%）"],
    required: false,
  },
  {
    key: "savings",
    headers: ["savings_wan_yuan", "节约金额(万元)", "节约金额（万元）", "节约金额"],
    required: false,
  },
  { key: "note", headers: ["note", "备注"], required: false },
];

export interface ImplementationImportOptions {
  readonly batches: readonly Batch[];
  /** Records already stored (a batch is implemented once per jurisdiction). */
  readonly existing: readonly Implementation[];
}

export function importImplementationTable(
  table: RawTable,
  options: ImplementationImportOptions,
): Result.Result<Implementation[], ProcurementImportError> {
  const { columns, issues: headerIssues } = locateColumns(table, implementationColumns);
  if (headerIssues.length > 0) return Result.fail(new ProcurementImportError({ issues: headerIssues }));

  const byName = new Map(options.batches.map((b) => [nameKey(b.name), b]));
  const stored = new Set(options.existing.map((i) => `${i.batchId}|${i.jurisdictionCode}`));
  const inFile = new Map<string, number>();
  const issues: RowIssue[] = [];
  const out: Implementation[] = [];

  for (const row of table.rows) {
    const r = new RowReader(columns, row);
    const batchName = r.required("batch", "批次名称");
    const batch = batchName === null ? undefined : byName.get(nameKey(batchName));
    if (batchName !== null && batch === undefined) r.fail("batch", `批次“${batchName}”不存在`);

    const codeText = r.required("jurisdiction", "行政区划代码");
    const code = codeText !== null && AdminCode.safeParse(codeText).success ? codeText : null;
    if (codeText !== null && code === null) r.fail("jurisdiction", `行政区划代码“${codeText}”应为6位数字`);

    const dateText = r.required("startDate", "执行日期");
    const startDate = dateText !== null && IsoDate.safeParse(dateText).success ? dateText : null;
    if (dateText !== null && startDate === null)
      r.fail("startDate", `执行日期“${dateText}”无效，应为 YYYY-MM-DD`);

    const agreedVolume = r.number("agreedVolume", "约定采购量", { min: 0 });
    const completionRatePct = r.number("completionRate", "完成率", { min: 0 });
    const savingsWanYuan = r.number("savings", "节约金额");
    const note = r.text("note");

    if (batch !== undefined && code !== null) {
      const province = `${code.slice(0, 2)}0000`;
      if (batch.regionCodes.length > 0 && !batch.regionCodes.includes(province)) {
        r.fail("jurisdiction", `${code} 不在批次“${batch.name}”的参与省份内`);
      }
      const key = `${batch.id}|${code}`;
      const line = inFile.get(key);
      if (line !== undefined) r.fail(null, `与第${line}行重复：同一地区同一批次只记录一次`);
      else if (stored.has(key)) r.fail(null, "该地区已有此批次的执行记录");
      else inFile.set(key, row.line);
      if (startDate !== null && startDate < batch.announced.slice(0, 7)) {
        r.fail("startDate", `执行日期早于批次公布日期（${batch.announced}）`);
      }
    }

    if (r.issues.length > 0 || batch === undefined || code === null || startDate === null) {
      issues.push(...r.issues);
      continue;
    }
    const record = Implementation.safeParse({
      batchId: batch.id,
      jurisdictionCode: code,
      startDate,
      agreedVolume,
      completionRatePct,
      savingsWanYuan,
      note: note === "" ? null : note,
    });
    // Last guard: the record must satisfy the domain schema.
    if (record.success) out.push(record.data);
    else
      issues.push(
        ...record.error.issues.map((i) => ({
          line: row.line,
          field: null,
          message: `记录无效：${i.message}`,
        })),
      );
  }

  if (issues.length > 0) return Result.fail(new ProcurementImportError({ issues }));
  return Result.succeed(out);
}
