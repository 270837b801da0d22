/** Credit grading of 定点医药机构 under per-jurisdiction rule sets. */

export * from "./distribution.ts";
export * from "./grade.ts";
export * from "./rule-set.ts";
export * from "./rule-sets/index.ts";
export * from "./schema.ts";
