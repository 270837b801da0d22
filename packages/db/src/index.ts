/**
 * @ybplan/db — ybplan's database: schema (`./schema`), connection (`./client`), migrations
 * (`./migrate`), audit and optimistic-concurrency helpers, and `savePlanDocument`.
 */
export * from "./audit.ts";
export * from "./backup/index.ts";
export * from "./changes.ts";
export * from "./client.ts";
export * from "./credit/index.ts";
export { DatabaseInUseError } from "./dir-lock.ts";
export * from "./env-settings.ts";
export * from "./errors.ts";
export * from "./job-runs.ts";
export * from "./migrate.ts";
export * from "./plan-document/index.ts";
export * as schema from "./schema/index.ts";
export * from "./schema/index.ts";
export * from "./versioning.ts";
