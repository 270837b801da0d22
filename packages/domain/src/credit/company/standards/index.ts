import { Result } from "effect";
import { InvalidRuleData, RuleNotFound } from "../../shared/errors.ts";
import { compareQuarters, type Quarter, quarterLabel } from "../../shared/quarter.ts";
import { CompanyStandard, type CompanyStandardInput, checkStandard } from "../standard.ts";
import { standard2020 } from "./std-2020.ts";
import { standard2025 } from "./std-2025.ts";

export { standard2020, standard2025 };

/** A validated set of standard versions, ordered by the quarter they take effect. */
export interface StandardRegistry {
  readonly versions: readonly CompanyStandard[];
  readonly byId: ReadonlyMap<string, CompanyStandard>;
}

/** Parses and cross-checks standards; a broken standard is a typed failure, never a throw. */
export function buildRegistry(
  inputs: readonly CompanyStandardInput[],
): Result.Result<StandardRegistry, InvalidRuleData> {
  const versions: CompanyStandard[] = [];
  for (const input of inputs) {
    const parsed = CompanyStandard.safeParse(input);
    if (!parsed.success) {
      return Result.fail(new InvalidRuleData({ ruleId: String(input.id), message: parsed.error.message }));
    }
    const problems = checkStandard(parsed.data);
    if (problems.length > 0) {
      return Result.fail(new InvalidRuleData({ ruleId: parsed.data.id, message: problems.join("；") }));
    }
    versions.push(parsed.data);
  }
  versions.sort((a, b) => compareQuarters(a.effectiveFrom, b.effectiveFrom));
  const byId = new Map(versions.map((v) => [v.id, v]));
  for (const v of versions) {
    if (v.transition && !byId.has(v.transition.predecessor)) {
      return Result.fail(
        new InvalidRuleData({
          ruleId: v.id,
          message: `过渡规则引用了未注册的版本 ${v.transition.predecessor}`,
        }),
      );
    }
  }
  return Result.succeed({ versions, byId });
}

/** The registry of the shipped versions (2020, 2025). */
export const defaultStandards: StandardRegistry = Result.getOrThrow(
  buildRegistry([standard2020, standard2025]),
);

/**
 * The version in force for a rating made in `quarter`: the latest one whose `effectiveFrom` is not
 * after it. Facts confirmed before the first version are rated by the first version.
 */
export function standardInForce(
  registry: StandardRegistry,
  quarter: Quarter,
): Result.Result<CompanyStandard, RuleNotFound> {
  let found: CompanyStandard | undefined;
  for (const v of registry.versions) if (compareQuarters(v.effectiveFrom, quarter) <= 0) found = v;
  found ??= registry.versions[0];
  return found
    ? Result.succeed(found)
    : Result.fail(new RuleNotFound({ ruleId: quarterLabel(quarter), message: "未登记任何信用评价标准版本" }));
}
