export * from "./chinese-number.ts";
export * from "./clean.ts";
export * from "./paragraphs.ts";
