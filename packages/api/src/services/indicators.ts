import {
  type Actor,
  assertVersion,
  bump,
  type Db,
  indicators,
  NotFoundError,
  observations,
  plans,
  ValidationError,
  writeAudit,
} from "@ybplan/db";
import { Indicator, type IndicatorAttribute } from "@ybplan/domain/indicator";
import { ParsedCell, parseTargetCell } from "@ybplan/domain/target";
import { and, asc, eq, max, type SQL } from "drizzle-orm";
import { z } from "zod";
import { type Patch, withLimits } from "./common.ts";
import { type IndicatorDto, indicatorDto } from "./dto.ts";

/**
 * Indicators of a plan. Clients send the cell TEXTS (baseline, target); the server parses them
 * with the domain parser, so stored expressions always match the parser in force.
 */

/**
 * The domain's indicator fields a person edits, with the boundary's sizes. Baseline and target are
 * sent as cell texts (the server parses them); the parent is the database's uuid.
 */
export const IndicatorFields = withLimits(
  Indicator.pick({
    category: true,
    name: true,
    unit: true,
    attribute: true,
    direction: true,
    definition: true,
    footnote: true,
    assessment: true,
  }).extend({ baselineText: ParsedCell.shape.text, targetText: ParsedCell.shape.text }),
  { category: 50, name: 100, unit: 20, definition: 500, footnote: 1000, baselineText: 200, targetText: 200 },
  { name: "请输入指标名称" },
).extend({ parentIndicatorId: z.uuid().nullable() });

export type IndicatorFields = z.infer<typeof IndicatorFields>;

/** Stable key of a manual indicator: category + name without spaces (mirrors the importer). */
const indicatorKey = (category: string, name: string) => `${category}/${name}`.replace(/\s+/g, "");

function parsedColumns(f: Pick<Patch<IndicatorFields>, "baselineText" | "targetText">) {
  const out: Record<string, unknown> = {};
  if (f.baselineText !== undefined) {
    const cell = parseTargetCell(f.baselineText);
    Object.assign(out, { baseline: cell, baselineText: f.baselineText });
  }
  if (f.targetText !== undefined) {
    const cell = parseTargetCell(f.targetText);
    Object.assign(out, { target: cell, targetText: f.targetText, targetKind: cell.expression.kind });
  }
  return out;
}

export async function listIndicators(
  db: Db,
  input: { planId: string; category?: string | undefined; attribute?: IndicatorAttribute | undefined },
): Promise<IndicatorDto[]> {
  const where: SQL[] = [eq(indicators.planId, input.planId)];
  if (input.category) where.push(eq(indicators.category, input.category));
  if (input.attribute) where.push(eq(indicators.attribute, input.attribute));
  const rows = await db
    .select()
    .from(indicators)
    .where(and(...where))
    .orderBy(asc(indicators.position));
  return rows.map(indicatorDto);
}

export async function getIndicator(db: Db, id: string): Promise<IndicatorDto> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  if (!row) throw new NotFoundError({ entity: "indicator", entityId: id });
  return indicatorDto(row);
}

export async function createIndicator(
  db: Db,
  actor: Actor,
  code: string,
  input: IndicatorFields & { planId: string; position?: number | undefined },
): Promise<IndicatorDto> {
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(eq(plans.id, input.planId))
      .for("update");
    if (!plan) throw new NotFoundError({ entity: "plan", entityId: input.planId });
    const key = indicatorKey(input.category, input.name);
    const [dup] = await tx
      .select({ id: indicators.id })
      .from(indicators)
      .where(and(eq(indicators.planId, input.planId), eq(indicators.key, key)));
    if (dup) throw new ValidationError({ issues: [{ path: ["name"], message: "同一类别下已有同名指标" }] });
    const [last] = await tx
      .select({ p: max(indicators.position) })
      .from(indicators)
      .where(eq(indicators.planId, input.planId));
    const { baselineText, targetText, position, ...rest } = input;
    const [row] = await tx
      .insert(indicators)
      .values({
        ...rest,
        key,
        position: position ?? (last?.p ?? 0) + 1,
        ...(parsedColumns({ baselineText, targetText }) as {
          baseline: ReturnType<typeof parseTargetCell>;
          target: ReturnType<typeof parseTargetCell>;
          baselineText: string;
          targetText: string;
          targetKind: ReturnType<typeof parseTargetCell>["expression"]["kind"];
        }),
        confidence: "manual",
        updatedBy: actor.name,
      })
      .returning();
    await writeAudit(tx, actor, {
      action: "create",
      entity: "indicator",
      entityId: row!.id,
      jurisdictionCode: code,
      after: row,
    });
    return indicatorDto(row!);
  });
}

export async function updateIndicator(
  db: Db,
  actor: Actor,
  code: string,
  input: { id: string; version: number; data: Patch<IndicatorFields & { position: number }> },
): Promise<IndicatorDto> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicators).where(eq(indicators.id, input.id)).for("update");
    if (!before) throw new NotFoundError({ entity: "indicator", entityId: input.id });
    assertVersion("indicator", before.id, before, input.version);
    if (input.data.parentIndicatorId === before.id) {
      throw new ValidationError({
        issues: [{ path: ["data", "parentIndicatorId"], message: "上级指标不能是本指标" }],
      });
    }
    const { baselineText, targetText, ...rest } = input.data;
    if (targetText !== undefined && targetText !== before.targetText) {
      // Changing the target in place would re-judge every past year: once figures exist, a
      // change is a 中期调整 (reviseTarget) with its effective year, reason and basis.
      const [used] = await tx
        .select({ id: observations.id })
        .from(observations)
        .where(eq(observations.indicatorId, before.id))
        .limit(1);
      if (used) {
        throw new ValidationError({
          issues: [
            {
              path: ["data", "targetText"],
              message:
                "该指标已有填报数据，修改目标请使用“中期调整”（注明生效年份、原因和依据），以免改写历史评估",
            },
          ],
        });
      }
    }
    const [after] = await tx
      .update(indicators)
      .set({ ...rest, ...parsedColumns({ baselineText, targetText }), ...bump(before, actor.name) })
      .where(eq(indicators.id, before.id))
      .returning();
    await writeAudit(tx, actor, {
      action: "update",
      entity: "indicator",
      entityId: before.id,
      jurisdictionCode: code,
      before,
      after,
    });
    return indicatorDto(after!);
  });
}

export async function deleteIndicator(
  db: Db,
  actor: Actor,
  code: string,
  input: { id: string; version: number },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicators).where(eq(indicators.id, input.id)).for("update");
    if (!before) throw new NotFoundError({ entity: "indicator", entityId: input.id });
    assertVersion("indicator", before.id, before, input.version);
    await tx.delete(indicators).where(eq(indicators.id, before.id));
    await writeAudit(tx, actor, {
      action: "delete",
      entity: "indicator",
      entityId: before.id,
      jurisdictionCode: code,
      before,
    });
    return { id: before.id };
  });
}
