export * from "./plausibility.ts";
export * from "./state.ts";
export * from "./submit.ts";
export * from "./targets.ts";
export * from "./window.ts";
