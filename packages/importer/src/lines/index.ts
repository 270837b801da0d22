export * from "./source-lines.ts";
