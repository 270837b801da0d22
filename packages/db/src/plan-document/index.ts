export * from "./save-plan-document.ts";
