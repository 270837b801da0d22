export * from "./schema.ts";
export * from "./document.ts";
