import { z } from "zod";

/** Page input shared by every paginated list: 1-based page, at most 200 rows. */
export const PageInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});
export type PageInput = z.infer<typeof PageInput>;

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export const offsetOf = (p: PageInput) => (p.page - 1) * p.pageSize;

/** Dates leave the API as ISO strings (JSON has no dates; no transformer needed by clients). */
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

/** An update: the row's id, the version the client read, and the changed fields. */
export const versioned = <T extends z.ZodRawShape>(data: z.ZodObject<T>) =>
  z.object({ id: z.uuid(), version: z.number().int().positive(), data });

/** Escapes LIKE wildcards in a user's search text. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
