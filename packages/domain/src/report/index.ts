export * from "./model.ts";
export * from "./format.ts";
export * from "./review.ts";
export * from "./narrative.ts";
export * from "./build.ts";
export * from "./in-memory.ts";
export * from "./sample-observations.ts";
