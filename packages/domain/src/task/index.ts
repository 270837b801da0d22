export * from "./schema.ts";
export * from "./outline-kind.ts";
