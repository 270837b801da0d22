import { bigserial, boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { versionColumns } from "./columns.ts";
import { jurisdictions } from "./jurisdictions.ts";

/** Roles: 系统管理员, 规划编辑, 数据填报, 只读. */
export type Role = "admin" | "planner" | "reporter" | "viewer";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  /** `scrypt$N$r$p$salt$hash` (base64). */
  passwordHash: text("password_hash").notNull(),
  role: text("role").$type<Role>().notNull(),
  /** Root of the user's scope; null = the whole country. */
  jurisdictionCode: text("jurisdiction_code").references(() => jurisdictions.code),
  active: boolean("active").notNull().default(true),
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  ...versionColumns(),
});

/** Server-side sessions; `id` is the SHA-256 (hex) of the cookie token. */
export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  ip: text("ip"),
  userAgent: text("user_agent"),
});

/** Every login attempt, for throttling per username + IP; `success` is null while being checked (0501). */
export const loginAttempts = pgTable("login_attempts", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  username: text("username").notNull(),
  ip: text("ip").notNull(),
  success: boolean("success"),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});
