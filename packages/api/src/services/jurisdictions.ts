import {
  type Actor,
  assertVersion,
  bump,
  type Database,
  type Db,
  jurisdictions,
  NotFoundError,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import {
  checkMove,
  checkNewJurisdiction,
  checkRetire,
  Jurisdiction,
  type JurisdictionLevel,
  type JurisdictionProblem,
  nationalRoot,
  referenceJurisdictions,
} from "@ybplan/domain/jurisdiction";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { invalidateDirectory, type JurisdictionDirectory } from "../auth/directory.ts";
import type { Page, PageInput } from "./common.ts";
import { iso, offsetOf } from "./common.ts";

/**
 * Jurisdictions: listing (scoped, filtered, paginated), the tree, and admin upkeep of the GB/T
 * 2260 tree (add, rename, move, retire, restore). The placement rules live in the domain.
 */

export interface JurisdictionNode extends Jurisdiction {
  children: JurisdictionNode[];
}

/** `.output()` of `jurisdictions.tree`: the domain's jurisdiction with its children, recursively. */
export const JurisdictionNode: z.ZodType<JurisdictionNode> = Jurisdiction.extend({
  children: z.lazy(() => z.array(JurisdictionNode)),
});

/** The tree below `root` (or the whole forest), restricted to `visible` codes when given. */
export function jurisdictionTree(
  dir: JurisdictionDirectory,
  visible: Set<string> | null,
  root: string | null,
): JurisdictionNode[] {
  const build = (code: string): JurisdictionNode => ({
    ...dir.byCode.get(code)!,
    children: dir
      .childrenOf(code)
      .filter((c) => !visible || visible.has(c))
      .sort()
      .map(build),
  });
  const roots = root
    ? [root]
    : dir.all
        .filter((j) => j.parentCode === null || (visible && !visible.has(j.parentCode)))
        .map((j) => j.code)
        .filter((c) => !visible || visible.has(c))
        .sort();
  return roots.filter((c) => dir.byCode.has(c)).map(build);
}

export function listJurisdictions(
  dir: JurisdictionDirectory,
  visible: Set<string> | null,
  input: PageInput & {
    q?: string | undefined;
    parentCode?: string | undefined;
    level?: JurisdictionLevel | undefined;
  },
): Page<Jurisdiction> {
  const items = dir.all
    .filter((j) => !visible || visible.has(j.code))
    .filter((j) => input.parentCode === undefined || j.parentCode === input.parentCode)
    .filter((j) => !input.level || j.level === input.level)
    .filter((j) => !input.q || j.name.includes(input.q) || j.code.startsWith(input.q))
    .sort((a, b) => a.code.localeCompare(b.code));
  const start = offsetOf(input);
  return {
    items: items.slice(start, start + input.pageSize),
    total: items.length,
    page: input.page,
    pageSize: input.pageSize,
  };
}

type JurisdictionRow = typeof jurisdictions.$inferSelect;

/** A stored jurisdiction as answered to administrators: the domain's fields, retirement, version. */
export const JurisdictionDto = Jurisdiction.extend({
  retiredAt: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int().positive(),
});
export type JurisdictionDto = z.infer<typeof JurisdictionDto>;

function jurisdictionDto(row: JurisdictionRow): JurisdictionDto {
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    retiredAt: iso(row.retiredAt),
    version: row.version,
  };
}

function refuse(problems: readonly JurisdictionProblem[]): void {
  if (problems.length > 0)
    throw new ValidationError({ issues: problems.map((p) => ({ path: [...p.path], message: p.message })) });
}

/** 全国 (100000) names the root: provinces are stored with no parent. */
const storedParent = (code: string | null) => (code === nationalRoot.code ? null : code);

async function childrenOf(tx: Db, parentCode: string | null) {
  return tx
    .select()
    .from(jurisdictions)
    .where(parentCode === null ? isNull(jurisdictions.parentCode) : eq(jurisdictions.parentCode, parentCode));
}

export async function createJurisdiction(
  database: Database,
  actor: Actor,
  input: Jurisdiction,
): Promise<Jurisdiction> {
  const parentCode = storedParent(input.parentCode);
  const row = await database.db.transaction(async (tx) => {
    const codes = [input.code, ...(parentCode ? [parentCode] : [])];
    const known = new Map<string, JurisdictionRow>();
    for (const c of codes) {
      const [r] = await tx.select().from(jurisdictions).where(eq(jurisdictions.code, c));
      if (r) known.set(c, r);
    }
    const siblings = await childrenOf(tx, parentCode);
    refuse(
      checkNewJurisdiction(
        { ...input, name: input.name.trim(), parentCode },
        {
          byCode: (c) => {
            const r = known.get(c);
            return r && { ...jurisdictionDto(r), retired: r.retiredAt !== null };
          },
          siblingNames: siblings.map((s) => s.name),
        },
      ),
    );
    const [after] = await tx
      .insert(jurisdictions)
      .values({ ...input, name: input.name.trim(), parentCode, updatedBy: actor.name })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "jurisdiction",
      entityId: input.code,
      jurisdictionCode: input.code,
      after,
    });
    return after!;
  });
  invalidateDirectory(database);
  return { code: row.code, name: row.name, level: row.level, parentCode: row.parentCode };
}

/** Locks the row and refuses a stale version. */
async function lockCurrent(tx: Db, code: string, version: number) {
  const [before] = await tx.select().from(jurisdictions).where(eq(jurisdictions.code, code)).for("update");
  if (!before) throw new NotFoundError({ entity: "jurisdiction", entityId: code });
  assertVersion("jurisdiction", code, before, version);
  return before;
}

async function writeChange(
  database: Database,
  actor: Actor,
  input: { code: string; version: number },
  action: string,
  change: (tx: Db, before: JurisdictionRow) => Promise<Partial<JurisdictionRow>>,
): Promise<JurisdictionDto> {
  const row = await database.db.transaction(async (tx) => {
    const before = await lockCurrent(tx, input.code, input.version);
    const data = await change(tx, before);
    const [after] = await tx
      .update(jurisdictions)
      .set({ ...data, ...bump(before, actor.name) })
      .where(eq(jurisdictions.code, input.code))
      .returning();
    await writeAudit(tx, actor, {
      action,
      entity: "jurisdiction",
      entityId: input.code,
      jurisdictionCode: input.code,
      before,
      after,
    });
    return after!;
  });
  invalidateDirectory(database);
  return jurisdictionDto(row);
}

/** Rename (更名): the code stays, so plans and records keep pointing at the place. */
export function updateJurisdiction(
  database: Database,
  actor: Actor,
  input: { code: string; version: number; data: { name?: string | undefined } },
): Promise<JurisdictionDto> {
  return writeChange(database, actor, input, "update", async (tx, before) => {
    const name = input.data.name?.trim();
    if (name === undefined || name === before.name) return {};
    const siblings = await childrenOf(tx, before.parentCode);
    if (siblings.some((s) => s.code !== before.code && s.name === name))
      refuse([{ path: ["name"], message: `名称：同一上级下已有“${name}”` }]);
    return { name };
  });
}

/** Move (调整隶属关系) under another parent; `parentCode` 100000 or null = 全国. */
export function moveJurisdiction(
  database: Database,
  actor: Actor,
  input: { code: string; version: number; parentCode: string | null },
): Promise<JurisdictionDto> {
  return writeChange(database, actor, input, "move", async (tx, before) => {
    const parentCode = storedParent(input.parentCode);
    let parent: (Jurisdiction & { retired: boolean }) | null = null;
    if (parentCode !== null) {
      const [p] = await tx.select().from(jurisdictions).where(eq(jurisdictions.code, parentCode));
      if (!p) refuse([{ path: ["parentCode"], message: `上级行政区划：“${parentCode}”不存在` }]);
      parent = { ...jurisdictionDto(p!), retired: p!.retiredAt !== null };
    }
    const siblings = await childrenOf(tx, parentCode);
    refuse(
      checkMove(
        jurisdictionDto(before),
        parent,
        siblings.map((s) => s.name),
      ),
    );
    return { parentCode };
  });
}

/**
 * Retire (撤销) a place: it stays with its plans and history but takes no new places below it.
 * Refused while anything active remains below; `restore` undoes it.
 */
export function retireJurisdiction(
  database: Database,
  actor: Actor,
  input: { code: string; version: number; retired: boolean; now?: Date },
): Promise<JurisdictionDto> {
  return writeChange(database, actor, input, input.retired ? "retire" : "restore", async (tx, before) => {
    if (!input.retired) {
      if (before.parentCode) {
        const [p] = await tx.select().from(jurisdictions).where(eq(jurisdictions.code, before.parentCode));
        if (p?.retiredAt)
          refuse([{ path: ["code"], message: `行政区划代码：上级${p.name}已撤销，请先恢复上级` }]);
      }
      return { retiredAt: null };
    }
    if (before.retiredAt) return {};
    const active = await tx
      .select()
      .from(jurisdictions)
      .where(and(eq(jurisdictions.parentCode, before.code), isNull(jurisdictions.retiredAt)))
      .orderBy(asc(jurisdictions.code));
    refuse(checkRetire(active.map(jurisdictionDto)));
    return { retiredAt: input.now ?? new Date() };
  });
}

/** Children with their state (retired ones included), for the management page. */
export async function listChildren(db: Db, parentCode: string | null): Promise<JurisdictionDto[]> {
  const rows = await childrenOf(db, storedParent(parentCode));
  return rows.map(jurisdictionDto).sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * Loads the shipped reference list (provinces, prefecture-level units, the sample counties) that
 * is missing; existing rows are left exactly as they are (an admin may have renamed one).
 */
export async function loadReferenceJurisdictions(db: Db, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(jurisdictions)
      .values(referenceJurisdictions.map((j) => ({ ...j, updatedBy: actor.name })))
      .onConflictDoNothing()
      .returning();
    if (inserted.length > 0)
      await writeAudit(
        tx,
        actor,
        inserted.map((j) => ({
          action: "create",
          entity: "jurisdiction",
          entityId: j.code,
          jurisdictionCode: j.code,
          after: j,
        })),
      );
    return inserted.length;
  });
}
