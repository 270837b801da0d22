export * from "./quarter.ts";
export * from "./provenance.ts";
export * from "./money.ts";
export * from "./errors.ts";
