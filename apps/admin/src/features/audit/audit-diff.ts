/** Which fields an audited change touched, for the audit log's detail row. */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const hidden = new Set(["passwordHash", "updatedAt", "version"]);

function show(v: unknown): string {
  if (v === undefined || v === null) return "—";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const b = before && typeof before === "object" ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === "object" ? (after as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !hidden.has(k));
  return keys
    .filter((k) => show(b[k]) !== show(a[k]))
    .map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
}
