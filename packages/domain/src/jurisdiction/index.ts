export * from "./schema.ts";
export * from "./catalog.ts";
export * from "./tree.ts";
export * from "./national.ts";
export * from "./rules.ts";
