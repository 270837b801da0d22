export * from "./calendar.ts";
export * from "./field-labels.ts";
export * from "./limits.ts";
export * from "./schema.ts";
