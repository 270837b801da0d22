export * from "./infer.ts";
export * from "./schema.ts";
