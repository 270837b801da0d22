import type { Jurisdiction, JurisdictionLevel } from "./schema.ts";

/**
 * Rules for keeping the GB/T 2260 tree by hand: which code shapes fit which level, which parent a
 * level may hang under, and the 全国 root above the provinces. Problems are values naming the
 * field in Chinese, so the API, the CLI and the admin form all say the same thing.
 */

/** The national root (中华人民共和国, 100000 in the Ministry's list). Provinces hang under it. */
export const nationalRoot = { code: "100000", name: "全国" } as const;

export interface JurisdictionProblem {
  readonly path: readonly string[];
  readonly message: string;
}

const fieldLabel = { code: "行政区划代码", name: "名称", level: "层级", parentCode: "上级行政区划" } as const;
const problem = (field: keyof typeof fieldLabel, text: string): JurisdictionProblem => ({
  path: [field],
  message: `${fieldLabel[field]}：${text}`,
});

/** The level a code's shape denotes: XX0000 province, XXYY00 prefecture, otherwise county. */
export function levelOfCode(code: string): JurisdictionLevel | null {
  if (!/^\d{6}$/.test(code) || code.startsWith("00")) return null;
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "city";
  return "county";
}

/** Levels a parent of `level` may have (a county may sit directly under a province: 省直辖县级). */
const parentLevels: Record<JurisdictionLevel, readonly (JurisdictionLevel | null)[]> = {
  province: [null],
  city: ["province"],
  county: ["city", "province"],
};

const levelShape: Record<JurisdictionLevel, string> = {
  province: "省级代码应为“XX0000”形式",
  city: "市级代码应为“XXXX00”形式（后两位为00，第3、4位不为00）",
  county: "县级代码后两位不能为00",
};

/** Does `parent` (null = 全国) fit a node of `level`? */
function parentProblems(level: JurisdictionLevel, parent: Jurisdiction | null): JurisdictionProblem[] {
  const allowed = parentLevels[level];
  if (allowed.includes(parent?.level ?? null)) return [];
  const want: Record<JurisdictionLevel, string> = {
    province: "省级行政区划的上级只能是全国",
    city: "市级行政区划的上级须为省级",
    county: "县级行政区划的上级须为市级或省级",
  };
  return [problem("parentCode", want[level])];
}

/**
 * A new place: code shape matching its level, code inside its parent's range (341723 under
 * 341700), parent of the right level and not retired, code unused, name unique among siblings.
 */
export function checkNewJurisdiction(
  input: Jurisdiction,
  lookup: {
    readonly byCode: (code: string) => (Jurisdiction & { readonly retired?: boolean }) | undefined;
    readonly siblingNames: readonly string[];
  },
): JurisdictionProblem[] {
  const out: JurisdictionProblem[] = [];
  const shape = levelOfCode(input.code);
  if (shape === null) out.push(problem("code", "应为6位数字且前两位不为00"));
  else if (shape !== input.level) out.push(problem("code", levelShape[input.level]));
  const taken = lookup.byCode(input.code);
  if (taken) out.push(problem("code", `“${input.code}”已被${taken.name}使用`));
  if (input.name.trim() === "") out.push(problem("name", "不能为空"));
  else if (lookup.siblingNames.includes(input.name.trim()))
    out.push(problem("name", `同一上级下已有“${input.name.trim()}”`));
  if (input.parentCode === null || input.parentCode === nationalRoot.code) {
    out.push(...parentProblems(input.level, null));
    return out;
  }
  const parent = lookup.byCode(input.parentCode);
  if (!parent) {
    out.push(problem("parentCode", `“${input.parentCode}”不存在`));
    return out;
  }
  if (parent.retired) out.push(problem("parentCode", `${parent.name}已撤销，不能在其下新增`));
  const fit = parentProblems(input.level, parent);
  out.push(...fit);
  if (fit.length === 0 && shape === input.level) {
    const prefix = parent.level === "province" ? 2 : 4;
    if (input.code.slice(0, prefix) !== parent.code.slice(0, prefix))
      out.push(
        problem("code", `应以上级${parent.name}的代码前${prefix}位“${parent.code.slice(0, prefix)}”开头`),
      );
  }
  return out;
}

/**
 * Moving `node` under `parent` (null = 全国). The code is the place's identity (plans, users
 * and records refer to it), so a move keeps it; only the level rule and the target's state apply.
 */
export function checkMove(
  node: Jurisdiction,
  parent: (Jurisdiction & { readonly retired?: boolean }) | null,
  siblingNames: readonly string[],
): JurisdictionProblem[] {
  const out = parentProblems(node.level, parent);
  if (parent?.retired) out.push(problem("parentCode", `${parent.name}已撤销，不能迁入`));
  if ((parent?.code ?? null) === node.parentCode) out.push(problem("parentCode", "与原上级相同"));
  if (siblingNames.includes(node.name)) out.push(problem("name", `新上级下已有“${node.name}”`));
  return out;
}

/** A place can be retired only when nothing active remains below it. */
export function checkRetire(activeChildren: readonly Jurisdiction[]): JurisdictionProblem[] {
  if (activeChildren.length === 0) return [];
  const names = activeChildren.map((c) => c.name);
  const shown = names.length > 5 ? `${names.slice(0, 5).join("、")}等${names.length}个` : names.join("、");
  return [problem("code", `其下仍有未撤销的行政区划（${shown}），请先迁移或撤销`)];
}
