export * from "./hooks.ts";
export * from "./link.tsx";
export * from "./match-path.ts";
export { block, isBlocked, navigate, setConfirmHandler } from "./navigation.ts";
