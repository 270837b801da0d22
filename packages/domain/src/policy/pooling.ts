import { formatParameterValue, parameterLabel } from "./describe.ts";
import { type ApplicableParameter, parametersInForce } from "./in-force.ts";
import {
  type ParameterDimensions,
  type PolicyDocument,
  type PoolingArea,
  poolingLevelLabels,
} from "./schema.ts";

/**
 * Pooling-area uniformity (市级统筹 "六统一", 省级统筹): every county of the area applies the area's
 * parameters of the pooled scheme. A county document that sets a different value — or a value the
 * area does not set — is a finding. The matrix is counties × parameters of that scheme.
 */

export interface PoolingCell {
  readonly jurisdictionCode: string;
  /** The value in force there (own document, else the area's); null = nothing in force. */
  readonly value: number | null;
  /** True when the county's own document sets it. */
  readonly own: boolean;
  readonly differs: boolean;
  readonly documentTitle: string | null;
}

export interface PoolingRow {
  readonly key: string;
  readonly dimensions: ParameterDimensions;
  readonly areaValue: number | null;
  readonly cells: readonly PoolingCell[];
}

export interface PoolingFinding {
  readonly jurisdictionCode: string;
  readonly key: string;
  readonly message: string;
}

export interface PoolingMatrix {
  readonly area: PoolingArea;
  readonly date: string;
  readonly rows: readonly PoolingRow[];
  readonly findings: readonly PoolingFinding[];
}

/**
 * `members`: the counties (code, name and ancestor chain up to and including the area) to compare.
 * `areaName` names the area in the findings.
 */
export function poolingMatrix(
  docs: readonly PolicyDocument[],
  area: PoolingArea,
  areaName: string,
  members: readonly { readonly code: string; readonly name: string; readonly chain: readonly string[] }[],
  date: string,
): PoolingMatrix {
  const inScheme = (ps: ApplicableParameter[]) => ps.filter((p) => p.dimensions.scheme === area.scheme);
  const areaParams = new Map(
    inScheme(parametersInForce(docs, date, [area.jurisdictionCode])).map((p) => [p.key, p]),
  );
  const memberParams = members.map((m) => ({
    member: m,
    params: new Map(inScheme(parametersInForce(docs, date, m.chain)).map((p) => [p.key, p])),
  }));
  const keys = new Set(areaParams.keys());
  for (const { params } of memberParams) for (const [k, p] of params) if (!p.inherited) keys.add(k);

  const rows: PoolingRow[] = [];
  const findings: PoolingFinding[] = [];
  const label = `${areaName}（${poolingLevelLabels[area.level]}）`;
  for (const key of [...keys].sort()) {
    const a = areaParams.get(key) ?? null;
    const dimensions = (a ?? memberParams.map(({ params }) => params.get(key)).find((p) => p !== undefined))!
      .dimensions;
    const cells = memberParams.map(({ member, params }): PoolingCell => {
      const p = params.get(key) ?? null;
      const own = p !== null && !p.inherited;
      const differs = own && (a === null || p.value !== a.value);
      if (differs) {
        const mine = formatParameterValue({ ...dimensions, value: p.value });
        findings.push({
          jurisdictionCode: member.code,
          key,
          message: a
            ? `${member.name}${parameterLabel(dimensions)}为${mine}（《${p.documentTitle}》），与${label}的${formatParameterValue({ ...dimensions, value: a.value })}不一致。`
            : `${member.name}自行设定${parameterLabel(dimensions)}${mine}（《${p.documentTitle}》），${label}未设定该参数。`,
        });
      }
      return {
        jurisdictionCode: member.code,
        value: p?.value ?? null,
        own,
        differs,
        documentTitle: p?.documentTitle ?? null,
      };
    });
    rows.push({ key, dimensions, areaValue: a?.value ?? null, cells });
  }
  return { area, date, rows, findings };
}

/** The pooling area that covers a jurisdiction for a scheme: the nearest along its chain, if any. */
export function poolingAreaOf(
  areas: readonly PoolingArea[],
  chain: readonly string[],
  scheme: PoolingArea["scheme"],
): PoolingArea | null {
  for (const code of chain) {
    const hit = areas.find((a) => a.jurisdictionCode === code && a.scheme === scheme);
    if (hit) return hit;
  }
  return null;
}
