export * from "./expression.ts";
export * from "./parse.ts";
