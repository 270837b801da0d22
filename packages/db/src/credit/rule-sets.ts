import { parseRuleSet, type RuleSet, type RuleSetInput, shippedRuleSets } from "@ybplan/domain/credit";
import { Result } from "effect";
import { type Actor, writeAudit } from "../audit.ts";
import type { Db } from "../client.ts";
import { ValidationError } from "../errors.ts";
import { creditRuleSets } from "../schema/credit.ts";

/**
 * Institution rule sets added as DATA at run time (a new jurisdiction, a new version), stored as
 * the domain's validated `RuleSet` JSON. `allRuleSets` = shipped ∪ stored; a stored version with the
 * same id and version replaces the shipped one.
 */
export async function storedRuleSets(db: Db): Promise<RuleSet[]> {
  const rows = await db.select().from(creditRuleSets);
  const out: RuleSet[] = [];
  for (const r of rows) {
    // Rows were validated on write; a row that no longer parses (schema change) is left out.
    const parsed = parseRuleSet(r.data as RuleSetInput);
    if (Result.isSuccess(parsed)) out.push(parsed.success);
  }
  return out;
}

export async function allRuleSets(db: Db): Promise<RuleSet[]> {
  const stored = await storedRuleSets(db);
  const key = (r: RuleSet) => `${r.id}@${r.version}`;
  const storedKeys = new Set(stored.map(key));
  return [...shippedRuleSets.filter((r) => !storedKeys.has(key(r))), ...stored];
}

/** Validates with the domain and stores (insert or replace) one rule-set version, audited. */
export async function saveRuleSet(db: Db, actor: Actor, input: unknown): Promise<RuleSet> {
  const parsed = parseRuleSet(input as RuleSetInput);
  if (Result.isFailure(parsed)) {
    throw new ValidationError({ issues: [{ path: ["ruleSet"], message: parsed.failure.message }] });
  }
  const rs = parsed.success;
  await db.transaction(async (tx) => {
    const values = {
      id: rs.id,
      ruleVersion: rs.version,
      jurisdictionCode: rs.jurisdiction,
      name: rs.name,
      status: rs.status,
      effectiveFrom: rs.effectiveFrom,
      effectiveTo: rs.effectiveTo,
      data: rs,
      updatedBy: actor.name,
    };
    await tx
      .insert(creditRuleSets)
      .values(values)
      .onConflictDoUpdate({
        target: [creditRuleSets.id, creditRuleSets.ruleVersion],
        set: { ...values, updatedAt: new Date() },
      });
    await writeAudit(tx, actor, {
      action: "save",
      entity: "credit_rule_set",
      entityId: `${rs.id}@${rs.version}`,
      jurisdictionCode: rs.jurisdiction,
      after: rs,
    });
  });
  return rs;
}
