export * from "./build-indicators.ts";
export * from "./columns.ts";
export * from "./fit-row.ts";
export * from "./footnotes.ts";
export * from "./read-table.ts";
