/** The 2024 医保支付资格 12-point system for staff of designated institutions. */

export * from "./points.ts";
export * from "./rules.ts";
export * from "./schema.ts";
