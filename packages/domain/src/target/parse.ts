/**
 * Target and baseline cells of a plan's indicator table → typed `TargetExpression`.
 *
 * The text is first prepared: footnote markers lifted out ("①", "^②", "<sup>③</sup>"),
 * full-width forms made half-width (０-９, ％, ＞, （）, ，), traditional characters simplified,
 * spaces and line breaks removed (cells wrap), a trailing "。" dropped. Then, in order:
 *
 *   empty                                   → unrecognised ("单元格为空")
 *   —  –  -  －  /  ―  无  暂无  不适用      → notApplicable
 *   约束性 / 预期性 (a shifted attribute cell) → unrecognised, with that reason
 *   保持稳定 | 维持稳定 | 基本稳定 …  [ (±h) | ±h[个百分点] ]          → maintain
 *   Q = number [unit]   unit ∈ % ‰ 亿元 万元 元 万人次 人次 个 个月 类 项 种 … ("个品种" = 个)
 *   S = 稳定在 | 保持在 | 保持稳定在 | 持续保持在 | 维持在 | 保持 | 稳定 …   (sustain prefix)
 *   [S] ( Q左右 | Q±h[%|个百分点] | Q左右(±h) )                  → band (sustain when S)
 *   [S] ( ≥ > ≤ < >= <= | 不低于 不少于 大于等于 超过 高于 不高于 不超过 低于 小于 … ) Q
 *   [S] Q ( 以上 | 及以上 | 以下 | 及以下 | 以内 )                 → threshold (sustain when S)
 *   S Q                                                           → band, sustain ("稳定在80%")
 *   约Q                                                           → band
 *   达到|达 Q → level;   达到Q以上 → threshold;   控制在Q[以内|以下] → threshold lte
 *   [从|由 Q] (提高|提升|增加|增长|上升|降低|下降|减少|降)? (到|至) Q  → level with from/directionHint
 *   Q                                                             → level
 *   <subject><a numeric form or 保持稳定> (、|,|;) <subject>…      → compound (≥ 2 parts)
 *   no digits, with 省级/市级统筹, 统筹层次, 试点, 全覆盖, 建成 …    → milestone; steps split at
 *                                 punctuation and before 巩固 / 适时推进 / 逐步实现 / 推进 / 实现 …
 *   no digits, with a cue of judgement (合理, 适应, 匹配, 更加, 稳中有升, 进一步 …) → qualitative
 *   到2025年<any form above>  (tried last)                        → that form, the year dropped
 *   anything else                                                   → unrecognised, with the reason
 *
 * Subjects, milestone steps and statements come out simplified. Nothing here throws.
 */
import { extractFootnoteMarks } from "../text/footnote.ts";
import { compactSpaces, normalizeText } from "../text/normalize.ts";
import { toSimplified } from "../text/simplify.ts";
import type { ParsedCell, TargetExpression } from "./expression.ts";
import { ATTRIBUTE_WORDS, NOT_APPLICABLE, YEAR_PREFIX } from "./lexicon.ts";
import { parseCompound, parseSubjectPart } from "./parse-compound.ts";
import { parseNumericTarget } from "./parse-quantity.ts";
import { parseMaintain, parseMilestone, parseQualitative } from "./parse-words.ts";

/** Normalised, simplified, space-free text of a cell without its footnote markers. */
export function prepareCellText(text: string): { text: string; marks: readonly string[] } {
  const { text: stripped, marks } = extractFootnoteMarks(normalizeText(text));
  const prepared = compactSpaces(toSimplified(stripped))
    .replace(/\s+/g, "")
    .replace(/[。.;,、]+$/u, "");
  return { text: prepared, marks };
}

function unrecognised(reason: string): TargetExpression {
  return { kind: "unrecognised", reason };
}

function parseWithoutYear(s: string): TargetExpression | null {
  const rest = s.replace(YEAR_PREFIX, "");
  if (rest === s || rest === "") return null;
  const parsed = parsePrepared(rest);
  return parsed.kind === "unrecognised" || parsed.kind === "notApplicable" ? null : parsed;
}

function parsePrepared(s: string): TargetExpression {
  if (s === "") return unrecognised("单元格为空");
  if (NOT_APPLICABLE.test(s)) return { kind: "notApplicable" };
  if (ATTRIBUTE_WORDS.includes(s)) {
    return unrecognised(`单元格内容“${s}”是指标属性而非目标值，疑为表格错位，请人工核对`);
  }
  const parsed =
    parseMaintain(s) ?? parseNumericTarget(s) ?? parseCompound(s) ?? parseMilestone(s) ?? parseQualitative(s);
  if (parsed) return parsed;
  const withoutYear = parseWithoutYear(s);
  if (withoutYear) return withoutYear;
  const single = parseSubjectPart(s);
  if (single) {
    return unrecognised(`“${s}”只含一个分项（${single.subject}），无法确定它是否代表整个指标`);
  }
  if (/\d/.test(s)) return unrecognised(`无法识别的数值目标写法：“${s}”`);
  return unrecognised(`无法识别的文字目标：“${s}”（既不是里程碑也没有可判断的表述）`);
}

/** Parses a target or baseline cell's text into a typed expression. Never throws. */
export function parseTargetText(text: string): TargetExpression {
  try {
    return parsePrepared(prepareCellText(text).text);
  } catch (error) {
    // Defensive: the grammar above has no throwing paths; a bug must not break an import.
    return unrecognised(`解析出错：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Parses a cell, lifting footnote markers out of the text. Never throws. */
export function parseTargetCell(text: string): ParsedCell {
  try {
    const prepared = prepareCellText(text);
    return { text, expression: parsePrepared(prepared.text), footnoteMarks: [...prepared.marks] };
  } catch (error) {
    return {
      text,
      expression: unrecognised(`解析出错：${error instanceof Error ? error.message : String(error)}`),
      footnoteMarks: [],
    };
  }
}
