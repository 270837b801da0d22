/**
 * @ybplan/domain — the pure core of ybplan. Import from concept subpaths where possible
 * (`@ybplan/domain/target`); this root re-exports the model schemas for convenience.
 */
export * from "./common/index.ts";
export * from "./evaluation/verdict.ts";
export * from "./indicator/index.ts";
export * from "./jurisdiction/index.ts";
export * from "./observation/index.ts";
export * from "./plan/document.ts";
export * from "./plan/index.ts";
export * from "./target/expression.ts";
export * from "./task/index.ts";
