export * from "./errors.ts";
export * from "./money.ts";
export * from "./provenance.ts";
export * from "./quarter.ts";
