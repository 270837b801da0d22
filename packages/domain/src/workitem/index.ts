export * from "./attachment.ts";
export * from "./deadline.ts";
