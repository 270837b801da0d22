import type { EntryValue, EntryValueRules } from "./entry-value.ts";

/**
 * The table every reader of typed values is tested against: the domain's own test, the admin's
 * entry grid, the CLI's observation import and the API's save. Data only.
 */
export interface EntryValueCase {
  readonly raw: string;
  readonly rules: EntryValueRules;
  readonly expected: EntryValue;
}

const rate = { unit: "%", name: "基本医疗保险参保率", textAllowed: false } as const;
const growth = { unit: "%", name: "基金收入增长率", textAllowed: false } as const;
const varieties = { unit: "个品种", name: "药品集中带量采购品种", textAllowed: false } as const;
const amount = { unit: "亿元", name: "基金支出", textAllowed: false } as const;
const qualitative = { unit: null, name: "市级统筹", textAllowed: true } as const;

export const entryValueCases: readonly EntryValueCase[] = [
  { raw: "96.5", rules: rate, expected: { kind: "number", value: 96.5 } },
  { raw: " 96.5% ", rules: rate, expected: { kind: "number", value: 96.5 } },
  { raw: "９６．５％", rules: rate, expected: { kind: "number", value: 96.5 } },
  { raw: "100", rules: rate, expected: { kind: "number", value: 100 } },
  { raw: "100.1", rules: rate, expected: { kind: "invalid", message: "百分比应在 0–100 之间" } },
  { raw: "-1", rules: rate, expected: { kind: "invalid", message: "百分比应在 0–100 之间" } },
  { raw: "九十", rules: rate, expected: { kind: "invalid", message: "请输入数字（单位：%）" } },
  { raw: "-3.5", rules: growth, expected: { kind: "number", value: -3.5 } },
  { raw: "140", rules: growth, expected: { kind: "number", value: 140 } },
  { raw: "112", rules: varieties, expected: { kind: "number", value: 112 } },
  { raw: "-3", rules: varieties, expected: { kind: "invalid", message: "以“个品种”为单位的数值不能为负数" } },
  { raw: "33.6亿元", rules: amount, expected: { kind: "number", value: 33.6 } },
  { raw: "３３．６亿元", rules: amount, expected: { kind: "number", value: 33.6 } },
  { raw: "1,234.5", rules: amount, expected: { kind: "number", value: 1234.5 } },
  { raw: "-5", rules: amount, expected: { kind: "invalid", message: "以“亿元”为单位的数值不能为负数" } },
  { raw: "97%%", rules: amount, expected: { kind: "invalid", message: "请输入数字（单位：亿元）" } },
  { raw: "12个", rules: amount, expected: { kind: "invalid", message: "请输入数字（单位：亿元）" } },
  {
    raw: "-2.1",
    rules: { unit: null, name: "无单位指标", textAllowed: false },
    expected: { kind: "number", value: -2.1 },
  },
  { raw: "   ", rules: rate, expected: { kind: "empty" } },
  { raw: "已实现市级统筹", rules: qualitative, expected: { kind: "text", text: "已实现市级统筹" } },
];
