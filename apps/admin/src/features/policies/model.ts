import {
  type InstitutionLevel,
  institutionLevelLabels,
  type ParameterKind,
  type Population,
  parameterKindLabels,
  populationLabels,
  type Scheme,
  type Service,
  schemeLabels,
  serviceLabels,
  unitOfKind,
} from "@ybplan/domain/policy";

/**
 * The parameter grid's rows and the choices of each column, from the domain's labels (one place
 * for the vocabulary). A row's scheme may be empty while a person has not chosen it (黄石's 起付线
 * name no scheme): such a row cannot be saved.
 */
export interface ParamRow {
  readonly key: string;
  readonly kind: ParameterKind;
  readonly scheme: Scheme | null;
  readonly service: Service;
  readonly level: InstitutionLevel;
  readonly population: Population;
  readonly value: number | null;
  readonly approximate: boolean;
}

const options = <T extends string>(labels: Record<T, string>, anyLabel: string) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label: label || anyLabel }));

export const kindOptions = options(parameterKindLabels, "");
export const schemeOptions = options(schemeLabels, "");
export const serviceOptions = options(serviceLabels, "不区分");
export const levelOptions = options(institutionLevelLabels, "不区分");
export const populationOptions = options(populationLabels, "全体");

export const unitText = (kind: ParameterKind) => (unitOfKind[kind] === "percent" ? "%" : "元");

let seq = 0;
const newRowKey = () => `row-${Date.now().toString(36)}-${(seq++).toString(36)}`;

export const emptyRow = (): ParamRow => ({
  key: newRowKey(),
  kind: "reimbursementRatio",
  scheme: null,
  service: "inpatient",
  level: "any",
  population: "all",
  value: null,
  approximate: false,
});

/** Proposals the importer read from a plan's text, as grid rows for a person to check. */
export function rowsFromProposals(
  proposals: readonly {
    kind: ParameterKind;
    scheme: Scheme | null;
    service: Service;
    level: InstitutionLevel;
    population: Population;
    value: number;
    approximate: boolean;
  }[],
): ParamRow[] {
  return proposals.map((p) => ({
    key: newRowKey(),
    kind: p.kind,
    scheme: p.scheme,
    service: p.service,
    level: p.level,
    population: p.population,
    value: p.value,
    approximate: p.approximate,
  }));
}

/** Rows that are ready to save, or the row numbers (1-based) that still lack a scheme or a value. */
export function parametersOf(rows: readonly ParamRow[]):
  | {
      ok: true;
      parameters: {
        kind: ParameterKind;
        scheme: Scheme;
        service: Service;
        level: InstitutionLevel;
        population: Population;
        value: number;
        approximate: boolean;
      }[];
    }
  | { ok: false; incomplete: number[] } {
  const incomplete = rows.flatMap((r, i) => (r.scheme === null || r.value === null ? [i + 1] : []));
  if (incomplete.length > 0) return { ok: false, incomplete };
  return {
    ok: true,
    parameters: rows.map((r) => ({
      kind: r.kind,
      scheme: r.scheme!,
      service: r.service,
      level: r.level,
      population: r.population,
      value: r.value!,
      approximate: r.approximate,
    })),
  };
}

/** The grid's column names, for a refusal that points into a row. */
const columnNames: Record<string, string> = {
  kind: "参数",
  scheme: "险种",
  service: "服务",
  level: "医疗机构级别",
  population: "人群",
  value: "数值",
  approximate: "左右",
};

const documentFieldNames: Record<string, string> = {
  title: "文件标题",
  docNumber: "文号",
  issuer: "发文机关",
  effectiveFrom: "生效日期",
  effectiveTo: "失效日期",
  supersedes: "替代文件",
  repealedOn: "废止日期",
};

/**
 * Names the field a server refusal points at, as the form and the grid show it: "parameters.0.value"
 * (or "data.parameters.0.value" from an update) is 参数表第1行数值.
 */
export function policyFieldLabel(path: ReadonlyArray<string | number>): string {
  const rest = path[0] === "data" ? path.slice(1) : path;
  const [head, row, column] = rest;
  if (head === "parameters" && row !== undefined && /^\d+$/.test(String(row)))
    return `参数表第${Number(row) + 1}行${column === undefined ? "" : (columnNames[String(column)] ?? "")}`;
  return documentFieldNames[String(head)] ?? rest.join(".");
}
