import {
  type Actor,
  assertVersion,
  bump,
  type Database,
  jurisdictions,
  NotFoundError,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import type { Jurisdiction, JurisdictionLevel } from "@ybplan/domain/jurisdiction";
import { eq } from "drizzle-orm";
import { type JurisdictionDirectory, invalidateDirectory } from "../auth/directory.ts";
import type { Page, PageInput } from "./common.ts";
import { offsetOf } from "./common.ts";

/** Jurisdictions: listing (scoped, filtered, paginated), the tree, and admin edits. */

export interface JurisdictionNode extends Jurisdiction {
  children: JurisdictionNode[];
}

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

export async function createJurisdiction(
  database: Database,
  actor: Actor,
  input: Jurisdiction,
): Promise<Jurisdiction> {
  const row = await database.db.transaction(async (tx) => {
    const [dup] = await tx.select().from(jurisdictions).where(eq(jurisdictions.code, input.code));
    if (dup) throw new ValidationError({ issues: [{ path: ["code"], message: "行政区划代码已存在" }] });
    if (input.parentCode) {
      const [parent] = await tx.select().from(jurisdictions).where(eq(jurisdictions.code, input.parentCode));
      if (!parent)
        throw new ValidationError({ issues: [{ path: ["parentCode"], message: "上级行政区划不存在" }] });
    } else if (input.level !== "province") {
      throw new ValidationError({
        issues: [{ path: ["parentCode"], message: "市级、县级须指定上级行政区划" }],
      });
    }
    const [after] = await tx
      .insert(jurisdictions)
      .values({ ...input, updatedBy: actor.name })
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

export async function updateJurisdiction(
  database: Database,
  actor: Actor,
  input: { code: string; version: number; data: { name?: string | undefined } },
) {
  const row = await database.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(jurisdictions)
      .where(eq(jurisdictions.code, input.code))
      .for("update");
    if (!before) throw new NotFoundError({ entity: "jurisdiction", entityId: input.code });
    assertVersion("jurisdiction", input.code, before, input.version);
    const [after] = await tx
      .update(jurisdictions)
      .set({ ...input.data, ...bump(before, actor.name) })
      .where(eq(jurisdictions.code, input.code))
      .returning();
    await writeAudit(tx, actor, {
      action: "update",
      entity: "jurisdiction",
      entityId: input.code,
      jurisdictionCode: input.code,
      before,
      after,
    });
    return after!;
  });
  invalidateDirectory(database);
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    parentCode: row.parentCode,
    version: row.version,
  };
}
