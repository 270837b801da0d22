export * from "./propose-work-indicators.ts";
