export type { IndicatorForEvaluation } from "./context.ts";
export { escapClassLabels, growthRate } from "./escap.ts";
export { type EvaluateIndicatorInput, evaluateIndicator } from "./evaluate.ts";
export { type Judgement, parseJudgement } from "./judgement.ts";
export {
  bindingWithoutData,
  countVerdicts,
  createEvaluator,
  evaluatePlan,
  type PlanEvaluation,
  sortForReport,
  type VerdictMatrix,
  verdictMatrix,
} from "./plan.ts";
export * from "./schema.ts";
export * from "./settings.ts";
export * from "./verdict.ts";
