export * from "./cleanup.ts";
export * from "./describe.ts";
export * from "./in-force.ts";
export * from "./pooling.ts";
export * from "./rule-data.ts";
export * from "./rules.ts";
export * from "./schema.ts";
