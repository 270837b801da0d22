export * from "./docx-to-html.ts";
