/** 医药价格和招采信用评价: company ratings per province per quarter under versioned standards. */

export * from "./policy.ts";
export * from "./rate-case.ts";
export * from "./rate-company.ts";
export * from "./rollup.ts";
export * from "./schema.ts";
export * from "./standard.ts";
export * from "./standards/index.ts";
