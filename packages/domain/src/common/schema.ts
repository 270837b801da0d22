import { z } from "zod";

/** Identifier of a stored entity (UUID in the database; any non-empty string in memory). */
export const Id = z.string().min(1).describe("Entity id");
export type Id = z.infer<typeof Id>;

/** A calendar year in the range plans use. */
export const Year = z.number().int().min(1949).max(2100).describe("Calendar year");
export type Year = z.infer<typeof Year>;

/** ISO date `YYYY-MM-DD`. */
export const IsoDate = z.iso.date().describe("ISO date YYYY-MM-DD");
export type IsoDate = z.infer<typeof IsoDate>;

/** Optimistic-concurrency version carried by every editable row. */
export const Version = z.number().int().nonnegative().describe("Row version for optimistic concurrency");
