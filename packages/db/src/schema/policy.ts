import type {
  CleanupDisposition,
  InstitutionLevel,
  ParameterKind,
  PolicyStatus,
  PoolingLevel,
  Population,
  Scheme,
  Service,
  StatisticName,
  SupersessionMode,
} from "@ybplan/domain/policy";
import {
  boolean,
  date,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { versionColumns } from "./columns.ts";
import { indicators } from "./indicators.ts";
import { jurisdictions } from "./jurisdictions.ts";
import { tasks } from "./tasks.ts";

/**
 * Policies (migration 0700): documents, their parameters, supersession, links, pooling areas and
 * statistics. Resolution (what is in force on a date) and rules are in `@ybplan/domain/policy`.
 */
export const policyDocuments = pgTable("policy_documents", {
  id: uuid("id").primaryKey().defaultRandom(),
  jurisdictionCode: text("jurisdiction_code")
    .notNull()
    .references(() => jurisdictions.code),
  title: text("title").notNull(),
  docNumber: text("doc_number"),
  issuer: text("issuer").notNull(),
  issuedOn: date("issued_on", { mode: "string" }),
  effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
  effectiveTo: date("effective_to", { mode: "string" }),
  status: text("status").$type<PolicyStatus>().notNull().default("inForce"),
  repealedOn: date("repealed_on", { mode: "string" }),
  cleanupDisposition: text("cleanup_disposition").$type<CleanupDisposition>(),
  cleanupDeadline: date("cleanup_deadline", { mode: "string" }),
  cleanupDoneOn: date("cleanup_done_on", { mode: "string" }),
  note: text("note"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  ...versionColumns(),
});

export const policyParameters = pgTable("policy_parameters", {
  id: uuid("id").primaryKey().defaultRandom(),
  documentId: uuid("document_id")
    .notNull()
    .references(() => policyDocuments.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  kind: text("kind").$type<ParameterKind>().notNull(),
  scheme: text("scheme").$type<Scheme>().notNull(),
  service: text("service").$type<Service>().notNull().default("any"),
  level: text("level").$type<InstitutionLevel>().notNull().default("any"),
  population: text("population").$type<Population>().notNull().default("all"),
  value: doublePrecision("value").notNull(),
  approximate: boolean("approximate").notNull().default(false),
  effectiveFrom: date("effective_from", { mode: "string" }),
  effectiveTo: date("effective_to", { mode: "string" }),
  note: text("note"),
});

export const policySupersessions = pgTable(
  "policy_supersessions",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => policyDocuments.id, { onDelete: "cascade" }),
    supersededId: uuid("superseded_id")
      .notNull()
      .references(() => policyDocuments.id, { onDelete: "restrict" }),
    mode: text("mode").$type<SupersessionMode>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.supersededId] })],
);

export const policyTaskLinks = pgTable(
  "policy_task_links",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => policyDocuments.id, { onDelete: "cascade" }),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.taskId] })],
);

export const policyIndicatorLinks = pgTable(
  "policy_indicator_links",
  {
    documentId: uuid("document_id")
      .notNull()
      .references(() => policyDocuments.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.indicatorId] })],
);

export const poolingAreas = pgTable(
  "pooling_areas",
  {
    jurisdictionCode: text("jurisdiction_code")
      .notNull()
      .references(() => jurisdictions.code),
    scheme: text("scheme").$type<Scheme>().notNull(),
    level: text("level").$type<PoolingLevel>().notNull(),
    since: date("since", { mode: "string" }),
    ...versionColumns(),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionCode, t.scheme] })],
);

export const policyStatistics = pgTable(
  "policy_statistics",
  {
    jurisdictionCode: text("jurisdiction_code")
      .notNull()
      .references(() => jurisdictions.code),
    statistic: text("statistic").$type<StatisticName>().notNull(),
    year: integer("year").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source"),
    ...versionColumns(),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionCode, t.statistic, t.year] })],
);
