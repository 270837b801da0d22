/**
 * The words of target cells, in canonical simplified spelling (the parser simplifies and
 * half-widths the text first). Lists are matched longest first where one word extends another.
 */
import type { ThresholdOp } from "./expression.ts";

/** Comparison words/signs before the number: "≥97%", "不低于50%", "超过90%". */
export const PREFIX_OPS: ReadonlyArray<readonly [string, ThresholdOp]> = [
  [">=", "gte"],
  ["<=", "lte"],
  ["≥", "gte"],
  ["≤", "lte"],
  [">", "gt"],
  ["<", "lt"],
  ["大于等于", "gte"],
  ["大于或等于", "gte"],
  ["小于等于", "lte"],
  ["小于或等于", "lte"],
  ["不低于", "gte"],
  ["不少于", "gte"],
  ["不小于", "gte"],
  ["不高于", "lte"],
  ["不超过", "lte"],
  ["不大于", "lte"],
  ["不多于", "lte"],
  ["达到或超过", "gte"],
  ["超过", "gt"],
  ["突破", "gt"],
  ["高于", "gt"],
  ["大于", "gt"],
  ["多于", "gt"],
  ["低于", "lt"],
  ["小于", "lt"],
  ["少于", "lt"],
  ["超", "gt"],
  ["逾", "gt"],
];

/** Comparison words after the number: "95%以上" (以上 includes the number, as in Chinese usage). */
export const SUFFIX_OPS: ReadonlyArray<readonly [string, ThresholdOp]> = [
  ["及以上", "gte"],
  ["及以下", "lte"],
  ["以上", "gte"],
  ["以下", "lte"],
  ["以内", "lte"],
];

/** "稳定在95%以上", "保持在80%左右": the level must hold over the period. */
export const SUSTAIN_PREFIXES: readonly string[] = [
  "保持稳定在",
  "巩固在",
  "继续保持在",
  "继续稳定在",
  "始终保持在",
  "持续稳定在",
  "持续保持在",
  "稳定保持在",
  "稳定在",
  "保持在",
  "维持在",
  "稳定于",
  "保持",
  "维持",
  "稳定",
];

/** "约80%": about a number, i.e. a band. */
export const ABOUT_PREFIXES: readonly string[] = ["约为", "约"];

/** "到2025年达到90%": the plan's end year before the target says nothing more; it is dropped. */
export const YEAR_PREFIX = /^(?:到|至|于)?20\d{2}年(?:底|末)?[,，]?/;

/** "达到90%": reach a level (no direction implied). */
export const REACH_PREFIXES: readonly string[] = ["达到", "达"];

/** "控制在27%以内": an upper limit. */
export const CAP_PREFIXES: readonly string[] = ["控制在", "控制到"];

/** Verbs of "提高到70%" / "降至27%", with the direction they imply. */
export const CHANGE_VERBS: ReadonlyArray<readonly [string, "higher" | "lower"]> = [
  ["提高", "higher"],
  ["提升", "higher"],
  ["增加", "higher"],
  ["增长", "higher"],
  ["上升", "higher"],
  ["扩大", "higher"],
  ["降低", "lower"],
  ["下降", "lower"],
  ["减少", "lower"],
  ["压减", "lower"],
  ["缩减", "lower"],
  ["缩短", "lower"],
  ["缩小", "lower"],
  ["压缩", "lower"],
  ["增", "higher"],
  ["升", "higher"],
  ["降", "lower"],
];

/** "从63%提高到70%": where the change starts. */
export const FROM_WORDS: readonly string[] = ["从", "由"];
export const TO_WORDS: readonly string[] = ["到", "至"];

/** "75%左右": a band around the number. */
export const AROUND = "左右";

/** "保持稳定": keep the baseline. */
export const MAINTAIN_PHRASES: readonly string[] = [
  "继续保持稳定",
  "保持基本稳定",
  "基本保持稳定",
  "总体保持稳定",
  "保持总体稳定",
  "保持稳定",
  "维持稳定",
  "基本稳定",
  "总体稳定",
  "稳定",
];

/** Not applicable / no value: "—", "-", "/". */
export const NOT_APPLICABLE = /^(?:[—–―─\-/\\~…·.]+|一|无|暂无|空|不适用|n\/?a)$/i;

/** Words that belong to the attribute column, not to a target (a shifted cell). */
export const ATTRIBUTE_WORDS: readonly string[] = ["约束性", "预期性", "约束性指标", "预期性指标"];

/** Verbs that start a new milestone step inside one run of text: "巩固市级统筹适时推进省级统筹". */
export const MILESTONE_STEP_VERBS: readonly string[] = [
  "适时推进",
  "逐步实现",
  "全面实现",
  "全面做实",
  "稳步推进",
  "积极推进",
  "有序推进",
  "巩固",
  "推进",
  "实现",
  "做实",
  "探索",
];

/** Cues of a qualitative target that needs a person's judgement. */
export const QUALITATIVE_CUES: readonly string[] = [
  "合理",
  "适应",
  "匹配",
  "协调",
  "平衡",
  "稳中有升",
  "稳步",
  "逐步",
  "有所",
  "明显",
  "显著",
  "进一步",
  "更加",
  "不断",
  "持续",
  "提高",
  "提升",
  "增强",
  "下降",
  "降低",
  "改善",
  "完善",
  "健全",
  "可持续",
  "可控",
  "优化",
];

/** Separators between the parts of a compound cell or the steps of a milestone. */
export const PART_SEPARATORS = /[、,;，；]/;
