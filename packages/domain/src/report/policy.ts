/**
 * 待遇政策调整: the benefit and financing parameters that changed in the report's window, each in
 * one sentence with its date and basis document, and a table a reader can check against the
 * documents. Built from the policy concept's own comparison (`compareInForce`), never re-derived.
 */
import {
  describePolicyChange,
  formatChineseDate,
  formatParameterValue,
  parameterLabel,
} from "../policy/describe.ts";
import type { PolicyChange } from "../policy/in-force.ts";
import type { PolicySection } from "./model.ts";

export interface PolicyWindow {
  /** ISO dates: the parameters in force on `from` are compared with those on `to`. */
  readonly from: string;
  readonly to: string;
}

/** The section, or null when nothing changed (a report says only what the data supports). */
export function policySection(
  changes: readonly PolicyChange[],
  window: PolicyWindow,
  scopeWord: string,
): PolicySection | null {
  if (changes.length === 0) return null;
  const span = `${formatChineseDate(window.from)}至${formatChineseDate(window.to)}`;
  return {
    key: "policy",
    title: "待遇政策调整",
    paragraphs: [
      `${span}，${scopeWord}调整医疗保障待遇和筹资参数${changes.length}项：`,
      ...changes.map(describePolicyChange),
    ],
    tables: [
      {
        title: "待遇政策参数调整情况",
        columns: ["参数", "调整前", "调整后", "执行日期", "依据文件"],
        rows: changes.map((c) => {
          const basis = c.after ?? c.before!;
          return [
            parameterLabel(c.dimensions),
            c.before ? formatParameterValue({ ...c.dimensions, ...c.before }) : "未设",
            c.after ? formatParameterValue({ ...c.dimensions, ...c.after }) : "停止执行",
            c.after ? formatChineseDate(c.after.from) : c.before?.to ? formatChineseDate(c.before.to) : "—",
            `《${basis.documentTitle}》${basis.docNumber ? `（${basis.docNumber}）` : ""}`,
          ];
        }),
      },
    ],
  };
}
