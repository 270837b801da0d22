export * from "./parse-prose.ts";
