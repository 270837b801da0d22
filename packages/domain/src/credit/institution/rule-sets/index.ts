import { Result } from "effect";
import { InvalidRuleData, RuleNotFound } from "../../shared/errors.ts";
import { checkRuleSet, RuleSet, type RuleSetInput } from "../rule-set.ts";
import { guangdong2023 } from "./guangdong.ts";
import { nantongPharmacy2020 } from "./nantong.ts";
import { neiMongol2026 } from "./nei-mongol.ts";

export * from "./common.ts";
export { guangdong2023, nantongPharmacy2020, neiMongol2026 };

/** Parses and cross-checks a rule set given as data. */
export function parseRuleSet(input: RuleSetInput): Result.Result<RuleSet, InvalidRuleData> {
  const parsed = RuleSet.safeParse(input);
  if (!parsed.success) {
    return Result.fail(new InvalidRuleData({ ruleId: String(input.id), message: parsed.error.message }));
  }
  const problems = checkRuleSet(parsed.data);
  return problems.length > 0
    ? Result.fail(new InvalidRuleData({ ruleId: parsed.data.id, message: problems.join("；") }))
    : Result.succeed(parsed.data);
}

/** The shipped rule sets (each validated at load; a broken one fails the tests, not a user). */
export const shippedRuleSets: readonly RuleSet[] = [neiMongol2026, guangdong2023, nantongPharmacy2020].map(
  (r) => Result.getOrThrow(parseRuleSet(r)),
);

/**
 * The rule set version of a jurisdiction in force on `date` (latest `effectiveFrom` not after it).
 * Jurisdictions without their own set may inherit the nearest ancestor's: pass its code chain.
 */
export function ruleSetFor(
  ruleSets: readonly RuleSet[],
  jurisdictionChain: readonly string[],
  date: string,
): Result.Result<RuleSet, RuleNotFound> {
  for (const code of jurisdictionChain) {
    let found: RuleSet | undefined;
    for (const rs of ruleSets) {
      if (rs.jurisdiction !== code || rs.effectiveFrom > date) continue;
      if (rs.effectiveTo !== null && rs.effectiveTo < date) continue;
      if (!found || rs.effectiveFrom > found.effectiveFrom) found = rs;
    }
    if (found) return Result.succeed(found);
  }
  return Result.fail(
    new RuleNotFound({
      ruleId: jurisdictionChain.join(">"),
      message: `${jurisdictionChain[0] ?? ""}在${date}无适用的信用评价规则`,
    }),
  );
}
