export * from "./decode-text.ts";
export * from "./detect-format.ts";
