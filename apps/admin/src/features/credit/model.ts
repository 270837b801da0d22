/**
 * Pure helpers of the credit screens (tested in test/credit-model.test.ts): level colours, quarter
 * choices, the import template, reading an upload.
 */

/** Tag colour by severity on the shared 1–4 scale (4 = 特别严重 / 特别严重失信). */
export function severityColor(severity: number | null): string {
  if (severity === null) return "default";
  return severity >= 4 ? "red" : severity === 3 ? "volcano" : severity === 2 ? "orange" : "gold";
}

/** Tag colour by grade position: first band green … last band red. */
export function gradeColor(index: number, count: number): string {
  if (count <= 1) return "default";
  const palette = ["green", "blue", "gold", "orange", "red"];
  const i = Math.round((index / (count - 1)) * (palette.length - 1));
  return palette[i]!;
}

export interface QuarterChoice {
  year: number;
  quarter: number;
  label: string;
}

/** The last `n` quarters up to the one containing `today`, newest first. */
export function recentQuarters(today: Date, n = 12): QuarterChoice[] {
  let year = today.getFullYear();
  let quarter = Math.floor(today.getMonth() / 3) + 1;
  const out: QuarterChoice[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ year, quarter, label: `${year}年第${quarter}季度` });
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

/** "2022Q2" → the quarter; null for anything else. */
export function parseQuarter(text: string | null | undefined): QuarterChoice | null {
  const m = /^(\d{4})Q([1-4])$/.exec(text ?? "");
  if (!m) return null;
  const year = Number(m[1]);
  const quarter = Number(m[2]);
  return { year, quarter, label: `${year}年第${quarter}季度` };
}

/** The list with `q` added in date order when it is not already there. */
export function withQuarter(list: readonly QuarterChoice[], q: QuarterChoice | null): QuarterChoice[] {
  if (q === null || list.some((x) => x.year === q.year && x.quarter === q.quarter)) return [...list];
  return [...list, q].sort((a, b) => b.year - a.year || b.quarter - a.quarter);
}

export const companyEventTemplate =
  "企业编码,企业名称,企业类型,评价省份代码,失信事项,案号,涉案金额（元）,最大单笔金额（元）,顶格情形,认定等级,认定日期,案件来源,备注\n" +
  "91530000XXXXXXXX,云南同丰医药有限公司,生产企业,530000,医药商业贿赂,（2021）云01刑初1号,60万,,,,2022-05-10,法院判决,示例行\n";

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const staffStatusColors: Record<string, string> = {
  normal: "green",
  suspended: "orange",
  terminated: "red",
  "may-reregister": "blue",
};

/**
 * Ratings are kept per province: a user inside one (a city's or county's staff) reads their own
 * province's — the server refuses the all-provinces list to anyone below the national level.
 * The province is the code's first two digits (GB/T 2260), e.g. 341723 → 340000.
 */
export function ratingsProvince(jurisdictionCode: string | null | undefined): string | undefined {
  return jurisdictionCode ? `${jurisdictionCode.slice(0, 2)}0000` : undefined;
}
