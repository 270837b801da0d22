export * from "./entry-value.ts";
export * from "./schema.ts";
