export * from "./schema.ts";
export * from "./catalog.ts";
export * from "./tree.ts";
