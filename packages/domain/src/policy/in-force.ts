import { type ParameterDimensions, type PolicyDocument, parameterKey } from "./schema.ts";

/**
 * Effective periods of parameters, resolved across documents: a parameter runs from its own (or its
 * document's) effective date until the earliest of its own end, the document's end, the day before
 * the document's 废止, and the day before a superseding document takes effect (a `replace` ends
 * every parameter, an `amend` only those it sets again). Dates are ISO strings, compared as text.
 */

/** A parameter with its resolved period (`to` inclusive, null = open-ended) and its document. */
export interface ResolvedParameter {
  readonly key: string;
  readonly dimensions: ParameterDimensions;
  readonly value: number;
  readonly approximate: boolean;
  readonly from: string;
  readonly to: string | null;
  readonly jurisdictionCode: string;
  readonly documentId: string;
  readonly documentTitle: string;
  readonly docNumber: string | null;
  /** Why the period ends, when it does. */
  readonly endedBy: {
    readonly reason: "expired" | "repealed" | "superseded";
    readonly documentId: string;
  } | null;
}

/** The same day one calendar day earlier (UTC arithmetic on the date only). */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const dims = (p: ParameterDimensions): ParameterDimensions => ({
  kind: p.kind,
  scheme: p.scheme,
  service: p.service,
  level: p.level,
  population: p.population,
});

/** Every parameter of every document with its resolved period; parameters never in force are left out. */
export function resolveParameters(docs: readonly PolicyDocument[]): ResolvedParameter[] {
  const supersededBy = new Map<string, { doc: PolicyDocument; mode: "replace" | "amend" }[]>();
  for (const d of docs) {
    for (const s of d.supersedes) {
      const list = supersededBy.get(s.documentId) ?? [];
      list.push({ doc: d, mode: s.mode });
      supersededBy.set(s.documentId, list);
    }
  }
  const out: ResolvedParameter[] = [];
  for (const d of docs) {
    for (const p of d.parameters) {
      const key = parameterKey(p);
      const from = p.effectiveFrom ?? d.effectiveFrom;
      const ends: { date: string; reason: "expired" | "repealed" | "superseded"; documentId: string }[] = [];
      if (p.effectiveTo) ends.push({ date: p.effectiveTo, reason: "expired", documentId: d.id });
      if (d.effectiveTo) ends.push({ date: d.effectiveTo, reason: "expired", documentId: d.id });
      if (d.repealedOn) ends.push({ date: dayBefore(d.repealedOn), reason: "repealed", documentId: d.id });
      for (const s of supersededBy.get(d.id) ?? []) {
        if (s.mode === "replace" || s.doc.parameters.some((q) => parameterKey(q) === key)) {
          ends.push({ date: dayBefore(s.doc.effectiveFrom), reason: "superseded", documentId: s.doc.id });
        }
      }
      const end = ends.reduce<(typeof ends)[number] | null>(
        (a, b) => (a === null || b.date < a.date ? b : a),
        null,
      );
      if (end && end.date < from) continue;
      out.push({
        key,
        dimensions: dims(p),
        value: p.value,
        approximate: p.approximate,
        from,
        to: end?.date ?? null,
        jurisdictionCode: d.jurisdictionCode,
        documentId: d.id,
        documentTitle: d.title,
        docNumber: d.docNumber,
        endedBy: end ? { reason: end.reason, documentId: end.documentId } : null,
      });
    }
  }
  return out;
}

const covers = (r: ResolvedParameter, date: string) => r.from <= date && (r.to === null || date <= r.to);

/** A parameter in force in a jurisdiction, possibly set by an ancestor (a pooling area's city). */
export interface ApplicableParameter extends ResolvedParameter {
  /** True when the value comes from an ancestor jurisdiction's document. */
  readonly inherited: boolean;
}

/**
 * The parameters in force on `date` for the first jurisdiction of `chain` (the jurisdiction, then
 * its ancestors nearest first): for each parameter the nearest jurisdiction that sets it wins.
 * With overlapping documents of one jurisdiction (refused on write) the later-starting one wins.
 */
export function parametersInForce(
  docs: readonly PolicyDocument[],
  date: string,
  chain: readonly string[],
): ApplicableParameter[] {
  const rank = new Map(chain.map((c, i) => [c, i]));
  const best = new Map<string, ResolvedParameter>();
  for (const r of resolveParameters(docs)) {
    const rk = rank.get(r.jurisdictionCode);
    if (rk === undefined || !covers(r, date)) continue;
    const cur = best.get(r.key);
    const curRank = cur ? (rank.get(cur.jurisdictionCode) ?? 0) : Number.POSITIVE_INFINITY;
    if (!cur || rk < curRank || (rk === curRank && r.from > cur.from)) best.set(r.key, r);
  }
  return [...best.values()]
    .map((r) => ({ ...r, inherited: r.jurisdictionCode !== chain[0] }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** A parameter's values over time in one jurisdiction, oldest first (a step chart's data). */
export function parameterHistory(
  docs: readonly PolicyDocument[],
  jurisdictionCode: string,
  dimensions: ParameterDimensions,
): ResolvedParameter[] {
  const key = parameterKey(dimensions);
  return resolveParameters(docs)
    .filter((r) => r.key === key && r.jurisdictionCode === jurisdictionCode)
    .sort((a, b) => a.from.localeCompare(b.from));
}

/** What differs between the parameters in force on two dates. */
export interface PolicyChange {
  readonly key: string;
  readonly dimensions: ParameterDimensions;
  /** Null: not set on the earlier date. */
  readonly before: ApplicableParameter | null;
  /** Null: no longer set on the later date. */
  readonly after: ApplicableParameter | null;
}

export function compareInForce(
  docs: readonly PolicyDocument[],
  chain: readonly string[],
  fromDate: string,
  toDate: string,
): PolicyChange[] {
  const a = new Map(parametersInForce(docs, fromDate, chain).map((r) => [r.key, r]));
  const b = new Map(parametersInForce(docs, toDate, chain).map((r) => [r.key, r]));
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: PolicyChange[] = [];
  for (const key of keys) {
    const before = a.get(key) ?? null;
    const after = b.get(key) ?? null;
    if (before && after && before.value === after.value && before.approximate === after.approximate) continue;
    const dimensions = (after ?? before)!.dimensions;
    out.push({ key, dimensions, before, after });
  }
  return out;
}

/** Two documents of one jurisdiction setting the same parameter for overlapping periods. */
export interface PolicyOverlap {
  readonly key: string;
  readonly dimensions: ParameterDimensions;
  readonly jurisdictionCode: string;
  readonly first: ResolvedParameter;
  readonly second: ResolvedParameter;
  /** First day both are in force. */
  readonly from: string;
}

/**
 * Overlapping parameters. With `only`, just the overlaps involving that document (what a write of
 * it must refuse). Repealed documents count for the period they were in force.
 */
export function findOverlaps(docs: readonly PolicyDocument[], only?: string): PolicyOverlap[] {
  const groups = new Map<string, ResolvedParameter[]>();
  for (const r of resolveParameters(docs)) {
    const g = `${r.jurisdictionCode}|${r.key}`;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const out: PolicyOverlap[] = [];
  for (const list of groups.values()) {
    list.sort((x, y) => x.from.localeCompare(y.from));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.documentId === b.documentId) continue;
        if (only !== undefined && a.documentId !== only && b.documentId !== only) continue;
        if (a.to !== null && a.to < b.from) continue;
        out.push({
          key: a.key,
          dimensions: a.dimensions,
          jurisdictionCode: a.jurisdictionCode,
          first: a,
          second: b,
          from: b.from,
        });
      }
    }
  }
  return out;
}

/** A supersession cycle (A replaces B replaces A) as the ids along it, or null. */
export function findSupersessionCycle(
  docs: readonly Pick<PolicyDocument, "id" | "supersedes">[],
): string[] | null {
  const edges = new Map(docs.map((d) => [d.id, d.supersedes.map((s) => s.documentId)]));
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === "done") return null;
    if (state.get(id) === "visiting") return [...path.slice(path.indexOf(id)), id];
    state.set(id, "visiting");
    path.push(id);
    for (const next of edges.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, "done");
    return null;
  };
  for (const d of docs) {
    const cycle = visit(d.id);
    if (cycle) return cycle;
  }
  return null;
}
