export * from "./schema.ts";
export * from "./entry-value.ts";
