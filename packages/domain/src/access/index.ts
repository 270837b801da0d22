/**
 * Who may do what, and what an account's name and password must look like: the API enforces
 * these rules, the admin app and the CLI check them early with the same code. Pure.
 */
export * from "./account.ts";
export * from "./roles.ts";
