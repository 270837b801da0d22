export * from "./read-projects.ts";
