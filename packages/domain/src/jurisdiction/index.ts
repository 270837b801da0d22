export * from "./catalog.ts";
export * from "./national.ts";
export * from "./rules.ts";
export * from "./schema.ts";
export * from "./tree.ts";
