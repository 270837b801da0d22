import { Data } from "effect";

/** Typed failures of the credit engines. Every message is user-facing Chinese. */

/** A rule set / standard failed its own consistency checks (bands out of order, no catch-all...). */
export class InvalidRuleData extends Data.TaggedError("InvalidRuleData")<{
  readonly ruleId: string;
  readonly message: string;
}> {}

/** No standard / rule set is registered under this id, or none is in force on the date. */
export class RuleNotFound extends Data.TaggedError("RuleNotFound")<{
  readonly ruleId: string;
  readonly message: string;
}> {}

/** An event names a category that the standard it is rated under does not list. */
export class UnknownCategory extends Data.TaggedError("UnknownCategory")<{
  readonly eventId: string;
  readonly category: string;
  readonly standard: string;
  readonly message: string;
}> {}

/**
 * An event's category is judged on circumstances, not amounts, and carries no assessed level,
 * so the engine cannot rate it (the provincial agency must record its assessment).
 */
export class MissingAssessment extends Data.TaggedError("MissingAssessment")<{
  readonly eventId: string;
  readonly message: string;
}> {}

/** A level named on an event or repair is not a level of the standard. */
export class UnknownLevel extends Data.TaggedError("UnknownLevel")<{
  readonly eventId: string;
  readonly level: string;
  readonly standard: string;
  readonly message: string;
}> {}

/** An institution deduction names an item the rule set does not have, or points outside its range. */
export class InvalidDeduction extends Data.TaggedError("InvalidDeduction")<{
  readonly eventId: string;
  readonly message: string;
}> {}

/** A staff scoring is invalid (points outside 1–12, suspension months outside the allowed range...). */
export class InvalidScoring extends Data.TaggedError("InvalidScoring")<{
  readonly scoringId: string;
  readonly message: string;
}> {}

export type CreditError =
  | InvalidRuleData
  | RuleNotFound
  | UnknownCategory
  | MissingAssessment
  | UnknownLevel
  | InvalidDeduction
  | InvalidScoring
  | RepairIncomplete;

/** A repair (信用修复) does not complete the correction measures the standard requires. */
export class RepairIncomplete extends Data.TaggedError("RepairIncomplete")<{
  readonly repairId: string;
  readonly missing: readonly number[];
  readonly message: string;
}> {}
