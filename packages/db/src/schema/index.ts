/**
 * The Drizzle schema of ybplan, one file per concept. Other packages (procurement, credit) add
 * their own files here and export them below; see ../../README.md.
 */
export * from "./accounts.ts";
export * from "./audit.ts";
export * from "./credit.ts";
export * from "./cycle.ts";
export * from "./departments.ts";
export * from "./generation.ts";
export * from "./indicators.ts";
export * from "./jurisdictions.ts";
export * from "./observations.ts";
export * from "./plans.ts";
export * from "./policy.ts";
export * from "./procurement.ts";
export * from "./projects.ts";
export * from "./tasks.ts";
