import { baseInputs, type Context, makePart } from "./context.ts";
import { classify, escapClassLabels, growthBase, growthRate } from "./escap.ts";
import { formatRate } from "./format.ts";
import type { Baseline } from "./goal.ts";
import { parseJudgement } from "./judgement.ts";
import type { EvaluationInputs, EvaluationPart } from "./schema.ts";
import type { TextEntry } from "./series.ts";
import { escapPresets } from "./settings.ts";
import { verdictLabels } from "./verdict.ts";

/**
 * Targets a person judges: qualitative statements ("保持合理水平") and milestones ("省级统筹").
 * The judgement is a text observation for the year (see `judgement.ts` for the convention).
 */

function who(entry: TextEntry): string {
  return entry.recordedBy === null ? "" : `（${entry.recordedBy}）`;
}

function recorded(ctx: Context, entry: TextEntry, inputs: EvaluationInputs): EvaluationPart | null {
  const j = parseJudgement(entry.text);
  inputs.actualText = entry.text;
  inputs.judgedBy = entry.recordedBy;
  inputs.yearsUsed = [ctx.year];
  if (j.verdict === null) return null;
  const reason = j.reason === "" ? "" : `，理由：${j.reason}`;
  return makePart(
    ctx,
    j.verdict,
    inputs,
    `${ctx.year}年经人工研判${who(entry)}为${verdictLabels[j.verdict]}${reason}。`,
  );
}

/**
 * Open SDG grades the signed growth rate when there is no numeric target; for a qualitative
 * target with numeric observations this is shown beside 需人工研判 (it informs, it does not decide).
 */
function growthHint(ctx: Context, baseline: Baseline, inputs: EvaluationInputs): string {
  if (ctx.settings.method !== "escap") return "";
  const preset = escapPresets[ctx.settings.escapPreset];
  const dir = ctx.indicator.direction === "higher" ? 1 : ctx.indicator.direction === "lower" ? -1 : 0;
  const current = ctx.series.numbers.get(ctx.year);
  if (preset.growth === null || dir === 0 || current === undefined) return "";
  const base = growthBase(ctx, baseline, current);
  if (!base.ok) return "";
  const cra = growthRate(current, base.value, ctx.year, base.year);
  if (!Number.isFinite(cra)) return "";
  const signed = (base.value < 0 ? -1 : 1) * dir * cra;
  const cls = classify(signed, preset.growth);
  inputs.baseYearUsed = base.year;
  inputs.actual = current;
  inputs.cra = cra;
  inputs.escapClass = cls;
  inputs.yearsUsed = [base.year, ctx.year];
  return `（按${preset.name}无目标增速分级，${base.year}—${ctx.year}年年均增速${formatRate(cra)}，属${escapClassLabels[preset.name][cls]}）`;
}

export function judgeQualitative(ctx: Context, statement: string, baseline: Baseline): EvaluationPart {
  const inputs: EvaluationInputs = { ...baseInputs(ctx), rule: "judgement" };
  inputs.baselineValue = baseline.value;
  inputs.baselineSource = baseline.source;
  const entry = ctx.series.texts.get(ctx.year);
  if (entry !== undefined) {
    const judged = recorded(ctx, entry, inputs);
    if (judged !== null) return judged;
    return makePart(
      ctx,
      "needsJudgement",
      inputs,
      `${ctx.year}年已有人工记录但未写明结论（${entry.text}），需人工研判。`,
    );
  }
  const hint = growthHint(ctx, baseline, inputs);
  return makePart(ctx, "needsJudgement", inputs, `目标为定性表述（${statement}），需人工研判${hint}。`);
}

/**
 * Milestones: the year's judgement decides; without one, a milestone judged 已达成 in an earlier
 * year of the period stays achieved (an institution once set up stays set up).
 */
export function judgeMilestone(ctx: Context, steps: readonly string[]): EvaluationPart {
  const inputs: EvaluationInputs = { ...baseInputs(ctx), rule: "milestone" };
  const entry = ctx.series.texts.get(ctx.year);
  if (entry !== undefined) {
    const judged = recorded(ctx, entry, inputs);
    if (judged !== null) return judged;
  }
  for (let y = ctx.year - 1; y > ctx.period.baselineYear; y--) {
    const earlier = ctx.series.texts.get(y);
    if (earlier === undefined) continue;
    const j = parseJudgement(earlier.text);
    if (j.verdict !== "achieved") continue;
    inputs.actualText = earlier.text;
    inputs.judgedBy = earlier.recordedBy;
    inputs.yearsUsed = [y];
    return makePart(
      ctx,
      "achieved",
      inputs,
      `${y}年经人工研判${who(earlier)}已达成，里程碑实现后持续有效，已达成。`,
    );
  }
  if (entry !== undefined) {
    return makePart(
      ctx,
      "needsJudgement",
      inputs,
      `${ctx.year}年已有人工记录但未写明结论（${entry.text}），需人工研判。`,
    );
  }
  return makePart(ctx, "needsJudgement", inputs, `目标为里程碑事项（${steps.join("→")}），需人工研判。`);
}
