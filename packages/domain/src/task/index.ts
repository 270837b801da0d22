export * from "./outline-kind.ts";
export * from "./schema.ts";
