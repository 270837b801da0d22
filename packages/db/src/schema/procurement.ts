import type { BatchLevel, DosageFormGroup, ProcurementCategory } from "@ybplan/domain/procurement";
import {
  type AnyPgColumn,
  date,
  doublePrecision,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { versionColumns } from "./columns.ts";
import { indicators } from "./indicators.ts";
import { jurisdictions } from "./jurisdictions.ts";

/**
 * Volume-based procurement records (migration 0100). A batch is count-only when
 * `publishedCount` is set; otherwise `procurementVarieties` lists its varieties. Counting is done
 * by `@ybplan/domain/procurement` over these rows.
 */
export const procurementBatches = pgTable("procurement_batches", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Stable id of a shipped reference batch ("national-drug-01"); null for imported batches. */
  ref: text("ref").unique(),
  level: text("level").$type<BatchLevel>().notNull(),
  name: text("name").notNull().unique(),
  announced: text("announced").notNull(),
  category: text("category").$type<ProcurementCategory>().notNull(),
  averagePriceCutPct: doublePrecision("average_price_cut_pct"),
  sourceUrl: text("source_url"),
  regionCodes: text("region_codes").array().notNull().default([]),
  publishedCount: integer("published_count"),
  retenderOf: uuid("retender_of").references((): AnyPgColumn => procurementBatches.id, {
    onDelete: "restrict",
  }),
  note: text("note"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  ...versionColumns(),
});

export const procurementVarieties = pgTable("procurement_varieties", {
  id: uuid("id").primaryKey().defaultRandom(),
  batchId: uuid("batch_id")
    .notNull()
    .references(() => procurementBatches.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  kind: text("kind").$type<"drug" | "consumable">().notNull(),
  genericName: text("generic_name"),
  dosageForm: text("dosage_form"),
  dosageFormGroup: text("dosage_form_group").$type<DosageFormGroup>(),
  productClass: text("product_class"),
  varietyKey: text("variety_key").notNull(),
  priceCutPct: doublePrecision("price_cut_pct"),
  note: text("note"),
});

export const procurementImplementations = pgTable("procurement_implementations", {
  id: uuid("id").primaryKey().defaultRandom(),
  batchId: uuid("batch_id")
    .notNull()
    .references(() => procurementBatches.id, { onDelete: "restrict" }),
  jurisdictionCode: text("jurisdiction_code")
    .notNull()
    .references(() => jurisdictions.code),
  startDate: date("start_date", { mode: "string" }).notNull(),
  agreedVolume: doublePrecision("agreed_volume"),
  completionRatePct: doublePrecision("completion_rate_pct"),
  savingsWanYuan: doublePrecision("savings_wan_yuan"),
  note: text("note"),
  ...versionColumns(),
});

/** Indicators whose yearly value is derived from the procurement records. */
export const procurementBindings = pgTable("procurement_bindings", {
  indicatorId: uuid("indicator_id")
    .primaryKey()
    .references(() => indicators.id, { onDelete: "cascade" }),
  category: text("category").$type<ProcurementCategory>().notNull(),
  ...versionColumns(),
});
