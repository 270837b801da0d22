export * from "./headings.ts";
export * from "./read-outline.ts";
