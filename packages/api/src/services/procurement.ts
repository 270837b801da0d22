/**
 * Procurement (集中带量采购) in the database, by section: the records the domain counts, batches,
 * table import, implementation records, and counts with targets, bindings and derived values.
 */
export * from "./procurement/batches.ts";
export * from "./procurement/counts.ts";
export * from "./procurement/implementations.ts";
export * from "./procurement/import.ts";
export * from "./procurement/records.ts";
