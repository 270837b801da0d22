import { describeBand } from "@ybplan/domain/credit";
import { type SQL, sql } from "drizzle-orm";
import type { RuleSetScope } from "./scope.ts";

/**
 * ONE statement that re-grades every scope of a cycle: deductions are scanned, joined to their
 * institution and summed once for all rule sets (a rule set's items, scale, bands and overrides
 * are selected by the institution's scope number `sc`). Same results as one statement per rule
 * set, with a single pass over the deductions.
 */

const num = (x: number): SQL => {
  if (!Number.isFinite(x)) throw new Error(`non-finite number in rule data: ${x}`);
  return sql.raw(`${x}::float8`);
};
const int = (x: number): SQL => sql.raw(String(Math.trunc(x)));
const textArray = (xs: readonly string[]): SQL =>
  xs.length === 0 ? sql`ARRAY[]::text[]` : sql`ARRAY[${sql.join(xs.map((x) => sql`${x}::text`), sql`, `)}]`;
const fmt = (col: string) => sql.raw(`(round((${col})::numeric, 2)::float8)::text`);

const metricCol = { score: "score", deducted: "deducted", bonus: "bonus", yearsDesignated: "years" } as const;
const opSym = { gte: ">=", gt: ">", lte: "<=", lt: "<" } as const;

export function regradeAllStatement(scopes: readonly RuleSetScope[], year: number): SQL {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  // One bit per flag code across all rule sets.
  const flagBit = new Map<string, number>();
  for (const s of scopes) for (const f of s.ruleSet.flags) if (!flagBit.has(f.code)) flagBit.set(f.code, 1 << flagBit.size);

  const scopeCase = sql.join(
    scopes.map((s, k) => {
      const kinds = sql.join(s.ruleSet.appliesTo.map((x) => sql`${x}`), sql`, `);
      const excluded =
        s.excluded.length > 0
          ? sql` AND NOT (${sql.join(s.excluded.map((p) => sql`inst.jurisdiction_code LIKE ${`${p}%`}`), sql` OR `)})`
          : sql``;
      return sql`WHEN inst.jurisdiction_code LIKE ${`${s.prefix}%`} AND inst.kind IN (${kinds})${excluded} THEN ${int(k)}`;
    }),
    sql` `,
  );

  const scopeRows = sql.join(
    scopes.map(
      (s, k) =>
        sql`(${int(k)}, ${s.ruleSet.id}::text, ${s.ruleSet.version}::text, ${num(s.ruleSet.base)}, ${num(s.ruleSet.scale.min)}, ${num(s.ruleSet.scale.max)}, ${String(s.ruleSet.base)}::text)`,
    ),
    sql`, `,
  );

  const itemRows = scopes.flatMap((s, k) =>
    s.ruleSet.items.map(
      (it) => sql`(${int(k)}, ${it.code}::text, ${num(it.points)}, ${num(it.maxPoints ?? it.points)}, ${it.kind === "bonus"}::boolean)`,
    ),
  );
  const items = itemRows.length > 0 ? sql.join(itemRows, sql`, `) : sql`(-1, NULL::text, 0::float8, 0::float8, false)`;

  const flagCase =
    flagBit.size > 0
      ? sql`bit_or(CASE flag ${sql.join([...flagBit].map(([code, bit]) => sql`WHEN ${code}::text THEN ${int(bit)}`), sql` `)} ELSE 0 END)`
      : sql`0`;

  const bandExpr = sql`CASE sc ${sql.join(
    scopes.map((s, k) => {
      const bands = s.ruleSet.bands;
      const whens = bands.slice(0, -1).map((b, i) => {
        const conds = b.conditions.map((c) =>
          "flag" in c
            ? sql.raw(`(f & ${flagBit.get(c.flag) ?? 0}) ${c.is ? "<>" : "="} 0`)
            : sql`${sql.raw(metricCol[c.metric])} ${sql.raw(opSym[c.op])} ${num(c.value)}`,
        );
        return sql`WHEN ${conds.length > 0 ? sql.join(conds, sql` AND `) : sql`true`} THEN ${int(i)}`;
      });
      const inner = whens.length > 0 ? sql`CASE ${sql.join(whens, sql` `)} ELSE ${int(bands.length - 1)} END` : int(0);
      return sql`WHEN ${int(k)} THEN ${inner}`;
    }),
    sql` `,
  )} END`;

  const overrideParts = scopes.filter((s) => s.ruleSet.overrides.length > 0);
  const overrideExpr =
    overrideParts.length > 0
      ? sql`CASE sc ${sql.join(
          scopes.flatMap((s, k) =>
            s.ruleSet.overrides.length === 0
              ? []
              : [
                  sql`WHEN ${int(k)} THEN CASE ${sql.join(
                    s.ruleSet.overrides.map((o, j) => sql.raw(`WHEN (f & ${flagBit.get(o.flag) ?? 0}) <> 0 THEN ${j + 1}`)),
                    sql` `,
                  )} ELSE 0 END`,
                ],
          ),
          sql` `,
        )} ELSE 0 END`
      : int(0);

  const bandRows = sql.join(
    scopes.flatMap((s, k) => {
      const flagLabel = (code: string) => s.ruleSet.flags.find((f) => f.code === code)?.label ?? code;
      return s.ruleSet.bands.map(
        (b, i) => sql`(${int(k)}, ${int(i)}, ${b.grade}::text, ${textArray(b.measures)}, ${describeBand(b, flagLabel)}::text)`,
      );
    }),
    sql`, `,
  );
  const overrideRowList = scopes.flatMap((s, k) =>
    s.ruleSet.overrides.map((o, j) => {
      const band = o.grade === "lowest" ? s.ruleSet.bands.length - 1 : s.ruleSet.bands.findIndex((b) => b.grade === o.grade);
      return sql`(${int(k)}, ${int(j + 1)}, ${int(band)}, ${o.label}::text, ${o.score === undefined ? sql`NULL::float8` : num(o.score)})`;
    }),
  );
  const overrideRows =
    overrideRowList.length > 0 ? sql.join(overrideRowList, sql`, `) : sql`(-1, -1, 0, NULL::text, NULL::float8)`;

  return sql`
WITH scopes(sc, rule_set_id, rule_version, base, min_score, max_score, base_text) AS (VALUES ${scopeRows}),
items(sc, code, pts, maxp, is_bonus) AS (VALUES ${items}),
bands(sc, idx, grade, measures, descr) AS (VALUES ${bandRows}),
overrides(sc, idx, band, label, score) AS (VALUES ${overrideRows}),
scoped AS MATERIALIZED (
  SELECT inst.code, inst.jurisdiction_code, inst.designated_since, CASE ${scopeCase} END AS sc
  FROM credit_institutions inst
),
sums AS (
  SELECT d.institution_code AS code,
    sum(CASE WHEN i.is_bonus THEN 0 ELSE coalesce(d.points, i.pts) END) AS deducted,
    sum(CASE WHEN i.is_bonus THEN coalesce(d.points, i.pts) ELSE 0 END) AS bonus
  FROM credit_institution_deductions d
  JOIN scoped s ON s.code = d.institution_code
  JOIN items i ON i.sc = s.sc AND i.code = d.item_code
  WHERE d.date >= ${from}::date AND d.date < ${to}::date
    AND (d.points IS NULL OR d.points <= i.maxp)
  GROUP BY d.institution_code
),
fl AS (
  SELECT institution_code AS code, ${flagCase} AS f
  FROM credit_institution_flags WHERE year = ${year}::int GROUP BY institution_code
),
scored AS (
  SELECT s.code, s.jurisdiction_code, s.sc,
    coalesce(t.deducted, 0)::float8 AS deducted,
    coalesce(t.bonus, 0)::float8 AS bonus,
    least(sp.max_score, greatest(sp.min_score, sp.base - coalesce(t.deducted, 0) + coalesce(t.bonus, 0)))::float8 AS score,
    greatest(0, extract(year FROM age(${to}::date, s.designated_since)))::float8 AS years,
    coalesce(fl.f, 0)::int AS f
  FROM scoped s
  JOIN scopes sp ON sp.sc = s.sc
  LEFT JOIN sums t ON t.code = s.code
  LEFT JOIN fl ON fl.code = s.code
),
graded AS (
  SELECT scored.*, ${overrideExpr} AS ov, ${bandExpr} AS band FROM scored
),
final AS (
  SELECT g.code, g.jurisdiction_code, g.sc, g.deducted, g.bonus,
    CASE WHEN g.ov > 0 THEN coalesce(o.score, g.score) ELSE g.score END AS score,
    CASE WHEN g.ov > 0 THEN o.band ELSE g.band END AS band,
    o.label AS override
  FROM graded g LEFT JOIN overrides o ON o.sc = g.sc AND o.idx = g.ov
),
ins AS (
INSERT INTO credit_institution_grades
  (institution_code, year, jurisdiction_code, rule_set_id, rule_set_version, score, deducted, bonus,
   grade, override, measures, reason, computed_at)
SELECT f.code, ${year}::int, f.jurisdiction_code, sp.rule_set_id, sp.rule_version,
  round(f.score::numeric, 2)::float8, round(f.deducted::numeric, 2)::float8, round(f.bonus::numeric, 2)::float8,
  b.grade, f.override, b.measures,
  CASE WHEN f.override IS NOT NULL
    THEN b.grade || '级：' || f.override || '，直接评为' || b.grade || '级'
    ELSE b.grade || '级：得分' || ${fmt("f.score")} || '分（基础分' || sp.base_text || '，扣' || ${fmt("f.deducted")} || '分'
      || CASE WHEN round(f.bonus::numeric, 2) > 0 THEN '，加' || ${fmt("f.bonus")} || '分' ELSE '' END
      || '），' || b.descr
  END,
  now()
FROM final f
JOIN scopes sp ON sp.sc = f.sc
JOIN bands b ON b.sc = f.sc AND b.idx = f.band
RETURNING rule_set_id
)
SELECT rule_set_id, count(*)::int AS n FROM ins GROUP BY rule_set_id`;
}
