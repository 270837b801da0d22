/**
 * Credit (信用评价) services: records in, computed ratings and grades out. Rules are the domain's
 * versioned data (`@ybplan/domain/credit`); the sections only load, validate with the domain,
 * store with audit, and read the stored results.
 */
export * from "./credit/companies.ts";
export * from "./credit/institutions.ts";
export * from "./credit/staff.ts";
