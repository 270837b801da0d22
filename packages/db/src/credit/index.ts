/** Credit persistence: load records, store computed ratings and grades, re-grade in SQL. */
export * from "./company.ts";
export * from "./institution.ts";
export * from "./regrade.ts";
export * from "./report.ts";
export * from "./rule-sets.ts";
export * from "./scope.ts";
