import { compileRuleSet, describeBand, type RuleSet } from "@ybplan/domain/credit";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { type RuleSetScope, scopesFor } from "./scope.ts";

/**
 * Re-grades every institution of a cycle INSIDE the database: one INSERT … SELECT per rule set,
 * generated from the rule set's data (items, bands, overrides), so millions of deductions are
 * summed and graded where they are stored. The cycle's grades are replaced in one transaction. Produces the same scores, grades, measures and reasons
 * as the domain's `gradeInstitutions` (tested against it).
 */
export async function regradeInDatabase(
  db: Db,
  ruleSets: readonly RuleSet[],
  year: number,
): Promise<{ ruleSetId: string; graded: number }[]> {
  return db.transaction(async (tx) => {
    // Sums over millions of deductions: hash aggregates in memory, no JIT compile for one run.
    await tx.execute(sql.raw("SET LOCAL work_mem = '256MB'"));
    await tx.execute(sql.raw("SET LOCAL jit = off"));
    // The cycle is rewritten whole: delete, then plain inserts (cheaper than 1M upserts, and
    // grades of institutions that vanished or left every scope go with the delete).
    await tx.execute(sql`DELETE FROM credit_institution_grades WHERE year = ${year}::int`);
    const out: { ruleSetId: string; graded: number }[] = [];
    for (const scope of scopesFor(ruleSets, year)) {
      const res = await tx.execute(regradeStatement(scope, year));
      const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { n: number }[];
      out.push({ ruleSetId: scope.ruleSet.id, graded: Number(rows[0]?.n ?? 0) });
    }
    return out;
  });
}

function num(x: number): SQL {
  if (!Number.isFinite(x)) throw new Error(`non-finite number in rule data: ${x}`);
  return sql.raw(`${x}::float8`);
}

function textArray(xs: readonly string[]): SQL {
  if (xs.length === 0) return sql`ARRAY[]::text[]`;
  return sql`ARRAY[${sql.join(
    xs.map((x) => sql`${x}::text`),
    sql`, `,
  )}]`;
}

/** SQL formatting of a number as JS prints it after rounding to 2 decimals (80, 89.5). */
const fmt = (col: string) => sql.raw(`(round((${col})::numeric, 2)::float8)::text`);

export function regradeStatement(scope: RuleSetScope, year: number): SQL {
  const rs = scope.ruleSet;
  const c = compileRuleSet(rs);
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const flagLabel = (code: string) => rs.flags.find((f) => f.code === code)?.label ?? code;

  const scopeWhere = sql`inst.jurisdiction_code LIKE ${`${scope.prefix}%`}
    AND inst.kind IN (${sql.join(
      rs.appliesTo.map((k) => sql`${k}`),
      sql`, `,
    )})
    ${
      scope.excluded.length > 0
        ? sql`AND NOT (${sql.join(
            scope.excluded.map((p) => sql`inst.jurisdiction_code LIKE ${`${p}%`}`),
            sql` OR `,
          )})`
        : sql``
    }`;

  const items =
    rs.items.length > 0
      ? sql.join(
          rs.items.map(
            (it) =>
              sql`(${it.code}::text, ${num(it.points)}, ${num(it.maxPoints ?? it.points)}, ${it.kind === "bonus"}::boolean)`,
          ),
          sql`, `,
        )
      : sql`(NULL::text, 0::float8, 0::float8, false)`;

  const flagCase =
    rs.flags.length > 0
      ? sql`bit_or(CASE flag ${sql.join(
          rs.flags.map((f) => sql`WHEN ${f.code}::text THEN ${sql.raw(String(c.flagBit.get(f.code)))}`),
          sql` `,
        )} ELSE 0 END)`
      : sql`0`;

  const metricCol = {
    score: "score",
    deducted: "deducted",
    bonus: "bonus",
    yearsDesignated: "years",
  } as const;
  const opSym = { gte: ">=", gt: ">", lte: "<=", lt: "<" } as const;
  const bandCases = rs.bands.slice(0, -1).map((b, i) => {
    const conds = b.conditions.map((cond) =>
      "flag" in cond
        ? sql.raw(`(f & ${c.flagBit.get(cond.flag) ?? 0}) ${cond.is ? "<>" : "="} 0`)
        : sql`${sql.raw(metricCol[cond.metric])} ${sql.raw(opSym[cond.op])} ${num(cond.value)}`,
    );
    const test = conds.length > 0 ? sql.join(conds, sql` AND `) : sql`true`;
    return sql`WHEN ${test} THEN ${sql.raw(String(i))}`;
  });
  const lastBand = rs.bands.length - 1;
  const bandExpr =
    bandCases.length > 0
      ? sql`CASE ${sql.join(bandCases, sql` `)} ELSE ${sql.raw(String(lastBand))} END`
      : sql.raw("0");
  const overrideExpr =
    c.overrides.length > 0
      ? sql`CASE ${sql.join(
          c.overrides.map((o, k) => sql.raw(`WHEN (f & ${o.bit}) <> 0 THEN ${k + 1}`)),
          sql` `,
        )} ELSE 0 END`
      : sql.raw("0");

  const bandRows = sql.join(
    rs.bands.map(
      (b, i) =>
        sql`(${sql.raw(String(i))}, ${b.grade}::text, ${textArray(b.measures)}, ${describeBand(b, flagLabel)}::text)`,
    ),
    sql`, `,
  );
  const overrideRows =
    c.overrides.length > 0
      ? sql.join(
          c.overrides.map(
            (o, k) =>
              sql`(${sql.raw(String(k + 1))}, ${sql.raw(String(o.band))}, ${rs.overrides[k]!.label}::text, ${
                o.score === undefined ? sql`NULL::float8` : num(o.score)
              })`,
          ),
          sql`, `,
        )
      : sql`(-1, 0, NULL::text, NULL::float8)`;

  return sql`
WITH items(code, pts, maxp, is_bonus) AS (VALUES ${items}),
bands(idx, grade, measures, descr) AS (VALUES ${bandRows}),
overrides(idx, band, label, score) AS (VALUES ${overrideRows}),
sums AS (
  SELECT d.institution_code AS code,
    sum(CASE WHEN i.is_bonus THEN 0 ELSE coalesce(d.points, i.pts) END) AS deducted,
    sum(CASE WHEN i.is_bonus THEN coalesce(d.points, i.pts) ELSE 0 END) AS bonus
  FROM credit_institution_deductions d
  JOIN items i ON i.code = d.item_code
  JOIN credit_institutions inst ON inst.code = d.institution_code
  WHERE d.date >= ${from}::date AND d.date < ${to}::date
    AND (d.points IS NULL OR d.points <= i.maxp)
    AND ${scopeWhere}
  GROUP BY d.institution_code
),
fl AS (
  SELECT institution_code AS code, ${flagCase} AS f
  FROM credit_institution_flags WHERE year = ${year}::int GROUP BY institution_code
),
scored AS (
  SELECT inst.code, inst.jurisdiction_code,
    coalesce(s.deducted, 0)::float8 AS deducted,
    coalesce(s.bonus, 0)::float8 AS bonus,
    least(${num(rs.scale.max)}, greatest(${num(rs.scale.min)}, ${num(rs.base)} - coalesce(s.deducted, 0) + coalesce(s.bonus, 0)))::float8 AS score,
    greatest(0, extract(year FROM age(${to}::date, inst.designated_since)))::float8 AS years,
    coalesce(fl.f, 0)::int AS f
  FROM credit_institutions inst
  LEFT JOIN sums s ON s.code = inst.code
  LEFT JOIN fl ON fl.code = inst.code
  WHERE ${scopeWhere}
),
graded AS (
  SELECT scored.*, ${overrideExpr} AS ov, ${bandExpr} AS band FROM scored
),
final AS (
  SELECT g.code, g.jurisdiction_code, g.deducted, g.bonus,
    CASE WHEN g.ov > 0 THEN coalesce(o.score, g.score) ELSE g.score END AS score,
    CASE WHEN g.ov > 0 THEN o.band ELSE g.band END AS band,
    o.label AS override
  FROM graded g LEFT JOIN overrides o ON o.idx = g.ov
),
ins AS (
INSERT INTO credit_institution_grades
  (institution_code, year, jurisdiction_code, rule_set_id, rule_set_version, score, deducted, bonus,
   grade, override, measures, reason, computed_at)
SELECT f.code, ${year}::int, f.jurisdiction_code, ${rs.id}::text, ${rs.version}::text,
  round(f.score::numeric, 2)::float8, round(f.deducted::numeric, 2)::float8, round(f.bonus::numeric, 2)::float8,
  b.grade, f.override, b.measures,
  CASE WHEN f.override IS NOT NULL
    THEN b.grade || '级：' || f.override || '，直接评为' || b.grade || '级'
    ELSE b.grade || '级：得分' || ${fmt("f.score")} || '分（基础分' || ${String(rs.base)}::text || '，扣' || ${fmt("f.deducted")} || '分'
      || CASE WHEN round(f.bonus::numeric, 2) > 0 THEN '，加' || ${fmt("f.bonus")} || '分' ELSE '' END
      || '），' || b.descr
  END,
  now()
FROM final f JOIN bands b ON b.idx = f.band
RETURNING 1
)
SELECT count(*)::int AS n FROM ins`;
}
