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

/**
 * An update's changed fields: a field left out, or undefined (zod's `.optional()` allows both),
 * keeps its stored value.
 */
export type Patch<T> = { [K in keyof T]?: T[K] | undefined };

/** The fields a patch sets, undefined ones left out: spread over the stored row, it keeps the row's values. */
export function changedFields<T extends object>(patch: Patch<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const value = patch[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** An update: the row's id, the version the client read, and the changed fields. */
export const versioned = <T extends z.ZodRawShape>(data: z.ZodObject<T>) =>
  z.object({ id: z.uuid(), version: z.number().int().positive(), data });

/** Escapes LIKE wildcards in a user's search text. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A domain schema as a router input: the domain's fields and rules, with each named string
 * trimmed and limited to `limits[field]` characters at the boundary (issue 17's sizes), then
 * checked by the domain's own rule; `required` gives the message for an empty required field.
 * The limits live here, not in the domain: values read back (imported texts) are never refused.
 */
export function withLimits<S extends z.ZodObject>(
  schema: S,
  limits: { readonly [K in keyof S["shape"]]?: number },
  required: { readonly [K in keyof S["shape"]]?: string } = {},
): S {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, max] of Object.entries(limits) as [string, number][]) {
    shape[key] = limitText(schema.shape[key] as z.ZodType, max, (required as Record<string, string>)[key]);
  }
  return schema.extend(shape) as unknown as S;
}

/** Rebuilds the wrappers (default, optional, nullable) around a bounded, trimmed string. */
function limitText(field: z.ZodType, max: number, required: string | undefined): z.ZodType {
  if (field instanceof z.ZodDefault) {
    return limitText(field.unwrap() as z.ZodType, max, required).default(field.def.defaultValue as never);
  }
  if (field instanceof z.ZodOptional) return limitText(field.unwrap() as z.ZodType, max, required).optional();
  if (field instanceof z.ZodNullable) return limitText(field.unwrap() as z.ZodType, max, required).nullable();
  if (!(field instanceof z.ZodString)) throw new Error("withLimits: only string fields take a length limit");
  const edge = z.string().trim();
  return (required ? edge.min(1, required) : edge).max(max).pipe(field);
}

/** The response schema of a paginated list of `item`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
