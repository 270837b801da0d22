export * from "./verdict.ts";
export * from "./settings.ts";
export * from "./schema.ts";
export type { IndicatorForEvaluation } from "./context.ts";
export { evaluateIndicator, type EvaluateIndicatorInput } from "./evaluate.ts";
export {
  createEvaluator,
  bindingWithoutData,
  evaluatePlan,
  verdictMatrix,
  sortForReport,
  countVerdicts,
  type PlanEvaluation,
  type VerdictMatrix,
} from "./plan.ts";
export { parseJudgement, type Judgement } from "./judgement.ts";
export { escapClassLabels, growthRate } from "./escap.ts";
