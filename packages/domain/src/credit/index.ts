/**
 * Credit (信用评价) — three schemes, each rules-as-data plus a small engine:
 * - `company/`: 医药价格和招采信用评价 of drug and device companies (2020 and 2025 standards);
 * - `institution/`: credit grading of 定点医药机构 under per-jurisdiction rule sets;
 * - `staff/`: the 2024 医保支付资格 12-point system for individual staff.
 * Shared pieces (quarters, sources, typed errors) live in `shared/`. See docs/credit.md.
 */

export * from "./company/index.ts";
export * from "./import/company-events.ts";
export * from "./institution/index.ts";
export * from "./report-section.ts";
export * from "./shared/index.ts";
export * from "./staff/index.ts";
