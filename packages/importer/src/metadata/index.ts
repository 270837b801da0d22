export * from "./read-metadata.ts";
