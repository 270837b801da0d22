export * from "./schema.ts";
export * from "./infer.ts";
