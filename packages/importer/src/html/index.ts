export * from "./html-to-text.ts";
