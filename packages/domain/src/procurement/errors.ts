import { Data } from "effect";

/** Why a set of batches and implementations cannot be counted. Messages are Chinese (shown to users). */
export type ProcurementDataProblem =
  | { readonly kind: "duplicateBatchId"; readonly batchId: string }
  | { readonly kind: "unknownBatch"; readonly batchId: string; readonly jurisdictionCode: string }
  | { readonly kind: "unknownRetenderOrigin"; readonly batchId: string; readonly originId: string }
  | { readonly kind: "retenderCycle"; readonly batchIds: readonly string[] }
  | { readonly kind: "retenderCategoryMismatch"; readonly batchId: string; readonly originId: string };

/** Inconsistent procurement records; carries every problem found, not only the first. */
export class ProcurementDataError extends Data.TaggedError("ProcurementDataError")<{
  readonly problems: readonly ProcurementDataProblem[];
}> {
  override get message(): string {
    return this.problems.map(describeDataProblem).join("；");
  }
}

export function describeDataProblem(p: ProcurementDataProblem): string {
  switch (p.kind) {
    case "duplicateBatchId":
      return `批次编号“${p.batchId}”重复`;
    case "unknownBatch":
      return `${p.jurisdictionCode} 的执行记录引用了不存在的批次“${p.batchId}”`;
    case "unknownRetenderOrigin":
      return `批次“${p.batchId}”接续的批次“${p.originId}”不存在`;
    case "retenderCycle":
      return `批次接续关系成环：${p.batchIds.join(" → ")}`;
    case "retenderCategoryMismatch":
      return `批次“${p.batchId}”与其接续的批次“${p.originId}”类别不同`;
  }
}

/** One problem in one row of an imported table. `line` is the 1-based line in the file. */
export interface RowIssue {
  readonly line: number;
  /** Column name as the file writes it; null for a problem with the whole row or file. */
  readonly field: string | null;
  readonly message: string;
}

/** An import that must not be saved: every row problem found, in file order. */
export class ProcurementImportError extends Data.TaggedError("ProcurementImportError")<{
  readonly issues: readonly RowIssue[];
}> {
  override get message(): string {
    return this.issues.map(formatRowIssue).join("\n");
  }
}

/** "第3行 [category]：无法识别的类别“耗”". */
export function formatRowIssue(i: RowIssue): string {
  return `第${i.line}行${i.field === null ? "" : ` [${i.field}]`}：${i.message}`;
}
