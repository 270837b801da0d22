import { caseSourceLabels, DishonestEvent, type DishonestEventInput } from "../company/schema.ts";
import { companyRoleLabels } from "../company/standard.ts";
import { defaultStandards, type StandardRegistry } from "../company/standards/index.ts";

/**
 * Import of company dishonest-conduct events from a table (CSV/XLSX read by the caller into
 * header + rows). Headers are Chinese; categories, levels, roles and sources may be given by their
 * Chinese label or code. Every problem is a row issue (line, column, Chinese message); the caller
 * saves nothing unless there are none.
 */

export interface TableInput {
  readonly header: readonly string[];
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

export interface ImportRowIssue {
  readonly line: number;
  readonly field: string | null;
  readonly message: string;
}

type Key =
  | "companyId"
  | "companyName"
  | "companyRole"
  | "province"
  | "category"
  | "caseRef"
  | "amountYuan"
  | "largestSingleYuan"
  | "circumstances"
  | "assessedLevel"
  | "dateConfirmed"
  | "source"
  | "note";

/** Accepted headers per field (first is the canonical one, used in templates). */
export const companyEventColumns: readonly { key: Key; headers: readonly string[]; required: boolean }[] = [
  { key: "companyId", headers: ["企业编码", "统一社会信用代码"], required: true },
  { key: "companyName", headers: ["企业名称"], required: true },
  { key: "companyRole", headers: ["企业类型"], required: false },
  { key: "province", headers: ["评价省份代码", "省份代码"], required: true },
  { key: "category", headers: ["失信事项"], required: true },
  { key: "caseRef", headers: ["案号", "文书号"], required: true },
  { key: "amountYuan", headers: ["涉案金额", "涉案金额（元）", "金额"], required: false },
  { key: "largestSingleYuan", headers: ["最大单笔金额", "最大单笔金额（元）"], required: false },
  { key: "circumstances", headers: ["顶格情形"], required: false },
  { key: "assessedLevel", headers: ["认定等级"], required: false },
  { key: "dateConfirmed", headers: ["认定日期"], required: true },
  { key: "source", headers: ["案件来源"], required: true },
  { key: "note", headers: ["备注"], required: false },
];

const norm = (s: string) => s.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）");

/** "60万", "60万元", "600,000", "600000元" → yuan; null for blank; NaN when unreadable. */
export function parseYuan(text: string): number | null {
  const t = text.replace(/[\s,，]/g, "");
  if (t === "") return null;
  const m = /^(\d+(?:\.\d+)?)(万)?元?$/.exec(t);
  if (!m) return Number.NaN;
  const v = Number(m[1]) * (m[2] ? 10_000 : 1);
  return Math.round(v * 100) / 100;
}

function lookups(registry: StandardRegistry) {
  const category = new Map<string, string>();
  const level = new Map<string, string>();
  const circumstance = new Map<string, string>();
  for (const std of registry.versions) {
    for (const c of std.categories) {
      category.set(norm(c.code), c.code);
      category.set(norm(c.label), c.code);
    }
    for (const l of std.levels) {
      level.set(norm(l.code), l.code);
      level.set(norm(l.label), l.code);
    }
    for (const cr of std.criteria) {
      if (cr.kind !== "circumstance") continue;
      circumstance.set(norm(cr.circumstance), cr.circumstance);
      circumstance.set(norm(cr.label), cr.circumstance);
    }
  }
  const role = new Map<string, string>(
    Object.entries(companyRoleLabels).flatMap(([k, v]) => [
      [k, k],
      [v, k],
    ]),
  );
  const source = new Map<string, string>(
    Object.entries(caseSourceLabels).flatMap(([k, v]) => [
      [k, k],
      [norm(v), k],
    ]),
  );
  source.set("审计", "audit");
  source.set("行政处罚", "penalty-decision");
  return { category, level, circumstance, role, source };
}

export function importCompanyEvents(
  table: TableInput,
  options: { registry?: StandardRegistry; newId?: () => string } = {},
): { events: DishonestEvent[]; issues: ImportRowIssue[] } {
  const registry = options.registry ?? defaultStandards;
  let n = 0;
  const newId = options.newId ?? (() => `import-${++n}`);
  const issues: ImportRowIssue[] = [];
  const index = new Map<Key, number>();
  const headerLine = (table.rows[0]?.line ?? 2) - 1;
  table.header.forEach((h, i) => {
    const col = companyEventColumns.find((c) => c.headers.some((x) => norm(x) === norm(h)));
    if (col && !index.has(col.key)) index.set(col.key, i);
  });
  for (const c of companyEventColumns) {
    if (c.required && !index.has(c.key))
      issues.push({ line: headerLine, field: c.headers[0]!, message: `缺少“${c.headers[0]}”列` });
  }
  if (issues.length > 0) return { events: [], issues };
  const L = lookups(registry);
  const events: DishonestEvent[] = [];
  for (const row of table.rows) {
    const get = (k: Key) => {
      const i = index.get(k);
      return i === undefined ? "" : (row.cells[i] ?? "").trim();
    };
    const header = (k: Key) => companyEventColumns.find((c) => c.key === k)!.headers[0]!;
    const fail = (k: Key | null, message: string) =>
      issues.push({ line: row.line, field: k === null ? null : header(k), message });
    const before = issues.length;

    const category = L.category.get(norm(get("category")));
    if (!category) fail("category", `无法识别的失信事项“${get("category")}”`);
    const amount = parseYuan(get("amountYuan"));
    if (Number.isNaN(amount)) fail("amountYuan", `金额“${get("amountYuan")}”应为数字，可带“万元”`);
    const single = parseYuan(get("largestSingleYuan"));
    if (Number.isNaN(single))
      fail("largestSingleYuan", `金额“${get("largestSingleYuan")}”应为数字，可带“万元”`);
    const levelText = get("assessedLevel");
    const level = levelText === "" ? null : (L.level.get(norm(levelText)) ?? undefined);
    if (level === undefined) fail("assessedLevel", `无法识别的认定等级“${levelText}”`);
    const roleText = get("companyRole");
    const role = roleText === "" ? "manufacturer" : L.role.get(norm(roleText));
    if (!role) fail("companyRole", `企业类型应为“生产企业”或“配送企业”`);
    const source = L.source.get(norm(get("source")));
    if (!source) fail("source", `案件来源应为法院判决、行政处罚决定或审计`);
    const circumstances: string[] = [];
    for (const part of get("circumstances")
      .split(/[;；、]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const c = L.circumstance.get(norm(part));
      if (c) circumstances.push(c);
      else fail("circumstances", `无法识别的顶格情形“${part}”`);
    }
    if (issues.length > before) continue;

    const input: DishonestEventInput = {
      id: newId(),
      companyId: get("companyId"),
      companyName: get("companyName"),
      companyRole: role as DishonestEventInput["companyRole"],
      province: get("province"),
      category: category!,
      caseRef: get("caseRef"),
      amountYuan: amount,
      largestSingleYuan: single,
      circumstances,
      assessedLevel: level ?? null,
      dateConfirmed: get("dateConfirmed").replace(/[/.]/g, "-"),
      source: source as DishonestEventInput["source"],
      ...(get("note") ? { note: get("note") } : {}),
    };
    const parsed = DishonestEvent.safeParse(input);
    if (!parsed.success) {
      for (const iss of parsed.error.issues) {
        const k = iss.path[0] as Key | undefined;
        const known = k !== undefined && companyEventColumns.some((c) => c.key === k);
        fail(known ? k! : null, known ? `“${header(k!)}”${iss.message}` : iss.message);
      }
      continue;
    }
    if (
      parsed.data.amountYuan === null &&
      parsed.data.assessedLevel === null &&
      parsed.data.circumstances.length === 0
    ) {
      fail("amountYuan", "须填写涉案金额、认定等级或顶格情形之一");
      continue;
    }
    events.push(parsed.data);
  }
  return { events, issues };
}
