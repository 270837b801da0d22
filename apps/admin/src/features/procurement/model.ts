/**
 * Pure helpers of the procurement screens (tested without a browser): the chart series of the
 * cumulative count against the plan target, upload encoding, and import templates.
 */

export interface CountPointLike {
  year: number;
  value: number;
  estimated: boolean;
}

export interface TargetLike {
  value: number | null;
  op: "gt" | "gte" | "lt" | "lte" | null;
  periodEnd: number;
}

export interface CountChartSeries {
  years: string[];
  values: number[];
  /** Years whose value includes count-only batches (drawn hollow, flagged in the tooltip). */
  estimatedYears: string[];
  /** The target as a horizontal line, or null when no numeric target is known. */
  target: { value: number; label: string; periodEnd: number } | null;
}

const opText: Record<NonNullable<TargetLike["op"]>, string> = { gt: ">", gte: "≥", lt: "<", lte: "≤" };

export function countChartSeries(
  points: readonly CountPointLike[],
  target: TargetLike | null,
  unit: string,
): CountChartSeries {
  const t = target !== null && target.value !== null ? target : null;
  return {
    years: points.map((p) => String(p.year)),
    values: points.map((p) => p.value),
    estimatedYears: points.filter((p) => p.estimated).map((p) => String(p.year)),
    target:
      t === null
        ? null
        : {
            value: t.value!,
            label: `${t.periodEnd}年目标 ${t.op ? opText[t.op] : ""}${t.value}${unit}`,
            periodEnd: t.periodEnd,
          },
  };
}

/** Whether the latest value meets the target (null when there is no target). */
export function meetsTarget(value: number, target: TargetLike | null): boolean | null {
  if (target === null || target.value === null) return null;
  switch (target.op) {
    case "gt":
      return value > target.value;
    case "lt":
      return value < target.value;
    case "lte":
      return value <= target.value;
    default:
      return value >= target.value;
  }
}

/** Base64 of a file's bytes, in chunks (String.fromCharCode on a whole file overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export type ImportKind = "batches" | "varieties" | "implementations";

/** What one imported row is, for "已导入N条…". */
export const importKindNouns: Record<ImportKind, string> = {
  batches: "批次",
  varieties: "品种",
  implementations: "执行记录",
};

export const importKindLabels: Record<ImportKind, string> = {
  batches: "批次",
  varieties: "品种（批次的品种清单）",
  implementations: "执行记录",
};

/** Template files offered for download: header and one example row. */
export const importTemplates: Record<ImportKind, string> = {
  batches:
    "层级,批次名称,公布日期,类别,品种数,平均降幅,参与省份,接续批次,来源链接,备注\n" +
    "省级,湖北省药品集中带量采购第一批,2021-03-15,药品,,45,420000,,,品种数留空时用品种清单导入\n",
  varieties:
    "批次名称,品种名称,通用名,剂型,耗材类别,降幅,备注\n" +
    "湖北省药品集中带量采购第一批,恩替卡韦分散片,,,,60,\n" +
    "湖北省药品集中带量采购第一批,,琥珀酸美托洛尔,缓释片,,,\n",
  implementations:
    "批次名称,行政区划代码,执行日期,约定采购量,完成率,节约金额(万元),备注\n" +
    "第三批,420000,2020-11-01,,,,\n",
};
