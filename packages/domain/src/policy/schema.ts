import { z } from "zod";
import { Id, IsoDate } from "../common/schema.ts";
import { AdminCode } from "../jurisdiction/schema.ts";

/**
 * Policies (政策): documents a bureau or government issues (实施办法, 通知, 方案) and the benefit and
 * financing parameters they set. Kinds, dimensions and rules follow
 * `shared/reference/policies.md`. Codes are English; every code has a Chinese label below.
 */

/** Insurance scheme a parameter belongs to. 职工大额医疗费用补助 is its own scheme (南阳's cap target adds it). */
export const Scheme = z.enum([
  "employee",
  "resident",
  "criticalIllness",
  "employeeSupplementary",
  "assistance",
  "longTermCare",
  "maternity",
]);
export type Scheme = z.infer<typeof Scheme>;
export const schemeLabels: Record<Scheme, string> = {
  employee: "职工医保",
  resident: "城乡居民医保",
  criticalIllness: "大病保险",
  employeeSupplementary: "职工大额医疗费用补助",
  assistance: "医疗救助",
  longTermCare: "长期护理保险",
  maternity: "生育保险",
};

/** What a parameter sets; each kind has exactly one unit. */
export const ParameterKind = z.enum([
  "deductible",
  "reimbursementRatio",
  "annualCap",
  "personalContribution",
  "fiscalSubsidy",
  "assistanceRatio",
  "personalAccountRatio",
]);
export type ParameterKind = z.infer<typeof ParameterKind>;
export const parameterKindLabels: Record<ParameterKind, string> = {
  deductible: "起付线",
  reimbursementRatio: "报销比例",
  annualCap: "年度最高支付限额",
  personalContribution: "个人缴费标准",
  fiscalSubsidy: "财政补助标准",
  assistanceRatio: "救助比例",
  personalAccountRatio: "个人账户划入比例",
};

export const ParameterUnit = z.enum(["percent", "yuan"]);
export type ParameterUnit = z.infer<typeof ParameterUnit>;
export const parameterUnitLabels: Record<ParameterUnit, string> = { percent: "%", yuan: "元" };

/** The unit each kind is expressed in (a ratio is %, an amount is 元). */
export const unitOfKind: Record<ParameterKind, ParameterUnit> = {
  deductible: "yuan",
  reimbursementRatio: "percent",
  annualCap: "yuan",
  personalContribution: "yuan",
  fiscalSubsidy: "yuan",
  assistanceRatio: "percent",
  personalAccountRatio: "percent",
};

/** Service a parameter applies to; `any` = not differentiated (a cap, a contribution). */
export const Service = z.enum(["inpatient", "outpatient", "chronicOutpatient", "twoDiseases", "any"]);
export type Service = z.infer<typeof Service>;
export const serviceLabels: Record<Service, string> = {
  inpatient: "住院",
  outpatient: "普通门诊",
  chronicOutpatient: "门诊慢特病",
  twoDiseases: "“两病”用药",
  any: "",
};

/** Institution level or place of treatment; `any` = not differentiated. */
export const InstitutionLevel = z.enum([
  "level1",
  "level2",
  "level3",
  "inCounty",
  "outCounty",
  "offsite",
  "any",
]);
export type InstitutionLevel = z.infer<typeof InstitutionLevel>;
export const institutionLevelLabels: Record<InstitutionLevel, string> = {
  level1: "一级医疗机构",
  level2: "二级医疗机构",
  level3: "三级医疗机构",
  inCounty: "县域内",
  outCounty: "县域外",
  offsite: "异地就医",
  any: "",
};

export const Population = z.enum(["all", "active", "retired", "assistanceTarget", "exPoor"]);
export type Population = z.infer<typeof Population>;
export const populationLabels: Record<Population, string> = {
  all: "",
  active: "在职人员",
  retired: "退休人员",
  assistanceTarget: "重点救助对象",
  exPoor: "脱贫人口",
};

/** The dimensions that identify "the same parameter" across documents and over time. */
export const ParameterDimensions = z.object({
  kind: ParameterKind,
  scheme: Scheme,
  service: Service.default("any"),
  level: InstitutionLevel.default("any"),
  population: Population.default("all"),
});
export type ParameterDimensions = z.infer<typeof ParameterDimensions>;

/** Stable key of a parameter's dimensions: `kind|scheme|service|level|population`. */
export function parameterKey(p: ParameterDimensions): string {
  return `${p.kind}|${p.scheme}|${p.service}|${p.level}|${p.population}`;
}

/**
 * One value a document sets. Its effective period is the document's unless narrowed here; a ratio
 * is in % (0–100), an amount in 元 (not negative).
 */
export const PolicyParameter = ParameterDimensions.extend({
  id: Id.optional(),
  value: z.number().finite(),
  /** "65%左右": the document states the value as approximate. */
  approximate: z.boolean().default(false),
  /** Narrows the document's period for this parameter (e.g. a subsidy for one year). */
  effectiveFrom: IsoDate.nullable().default(null),
  effectiveTo: IsoDate.nullable().default(null),
  note: z.string().nullable().default(null),
}).superRefine((p, ctx) => {
  if (unitOfKind[p.kind] === "percent" && (p.value < 0 || p.value > 100)) {
    ctx.addIssue({ code: "custom", path: ["value"], message: "比例应在0—100%之间" });
  }
  if (unitOfKind[p.kind] === "yuan" && p.value < 0) {
    ctx.addIssue({ code: "custom", path: ["value"], message: "金额不能为负数" });
  }
  if (p.effectiveFrom && p.effectiveTo && p.effectiveTo < p.effectiveFrom) {
    ctx.addIssue({ code: "custom", path: ["effectiveTo"], message: "失效日期不能早于生效日期" });
  }
});
export type PolicyParameter = z.infer<typeof PolicyParameter>;
export type PolicyParameterInput = z.input<typeof PolicyParameter>;

/** 现行有效 / 已修订 (partly replaced) / 已废止. */
export const PolicyStatus = z.enum(["inForce", "amended", "repealed"]);
export type PolicyStatus = z.infer<typeof PolicyStatus>;
export const policyStatusLabels: Record<PolicyStatus, string> = {
  inForce: "现行有效",
  amended: "已修订",
  repealed: "已废止",
};

/**
 * How a document replaces an earlier one from its own effective date: `replace` ends every
 * parameter of the earlier document ("原…同时废止"); `amend` ends only the parameters it sets again.
 */
export const SupersessionMode = z.enum(["replace", "amend"]);
export type SupersessionMode = z.infer<typeof SupersessionMode>;

export const Supersession = z.object({ documentId: Id, mode: SupersessionMode.default("amend") });
export type Supersession = z.infer<typeof Supersession>;

/** 待遇清单 clean-up (杜绝增量、规范存量): a local policy flagged 需清理, its disposition and deadline. */
export const CleanupDisposition = z.enum(["keep", "revise", "repeal"]);
export type CleanupDisposition = z.infer<typeof CleanupDisposition>;
export const cleanupDispositionLabels: Record<CleanupDisposition, string> = {
  keep: "保留",
  revise: "修订",
  repeal: "废止",
};
export const Cleanup = z.object({
  /** Decided disposition; null while still under review. */
  disposition: CleanupDisposition.nullable().default(null),
  deadline: IsoDate,
  /** Date the disposition was carried out; null = not yet cleaned up. */
  doneOn: IsoDate.nullable().default(null),
});
export type Cleanup = z.infer<typeof Cleanup>;

/**
 * A change to a stored document: only the fields sent, no defaults — a field not sent keeps its
 * stored value (an update never clears what its user did not touch). Merged, then checked by
 * `PolicyDocumentFields`.
 */
export const PolicyDocumentPatch = z
  .object({
    title: z.string().trim().min(1, "请填写文件标题"),
    docNumber: z.string().trim().min(1).nullable(),
    issuer: z.string().trim().min(1, "请填写发文机关"),
    jurisdictionCode: AdminCode,
    issuedOn: IsoDate.nullable(),
    effectiveFrom: IsoDate,
    effectiveTo: IsoDate.nullable(),
    status: PolicyStatus,
    repealedOn: IsoDate.nullable(),
    supersedes: z.array(Supersession),
    parameters: z.array(PolicyParameter),
    cleanup: Cleanup.nullable(),
    taskIds: z.array(Id),
    indicatorIds: z.array(Id),
    note: z.string().trim().max(1000).nullable(),
  })
  .partial();
export type PolicyDocumentPatch = z.infer<typeof PolicyDocumentPatch>;
export type PolicyDocumentPatchInput = z.input<typeof PolicyDocumentPatch>;

/** A document's fields without its id (what a user enters); refined by `PolicyDocumentFields`. */
const policyDocumentBase = z.object({
  title: z.string().trim().min(1, "请填写文件标题"),
  /** 文号, e.g. 黄医保发〔2020〕12号; null when the document has none. */
  docNumber: z.string().trim().min(1).nullable().default(null),
  issuer: z.string().trim().min(1, "请填写发文机关"),
  /** The jurisdiction whose parameters it sets. */
  jurisdictionCode: AdminCode,
  issuedOn: IsoDate.nullable().default(null),
  effectiveFrom: IsoDate,
  /** End stated in the document (有效期至); null = open-ended. */
  effectiveTo: IsoDate.nullable().default(null),
  status: PolicyStatus.default("inForce"),
  /** Date of 废止; required when status is 已废止. Parameters end the day before. */
  repealedOn: IsoDate.nullable().default(null),
  supersedes: z.array(Supersession).default([]),
  parameters: z.array(PolicyParameter).default([]),
  cleanup: Cleanup.nullable().default(null),
  /** Plan tasks the document fulfils ("出台…政策") and indicators it moves. */
  taskIds: z.array(Id).default([]),
  indicatorIds: z.array(Id).default([]),
  note: z.string().trim().max(1000).nullable().default(null),
});

type DocumentShape = z.infer<typeof policyDocumentBase> & { readonly id?: string };

/** Cross-field rules: periods, 废止 needs its date, no self-supersession, no duplicate parameter. */
function refineDocument(d: DocumentShape, ctx: z.RefinementCtx): void {
  if (d.effectiveTo && d.effectiveTo < d.effectiveFrom) {
    ctx.addIssue({ code: "custom", path: ["effectiveTo"], message: "失效日期不能早于生效日期" });
  }
  if (d.status === "repealed" && !d.repealedOn) {
    ctx.addIssue({ code: "custom", path: ["repealedOn"], message: "废止须填写废止日期" });
  }
  if (d.repealedOn && d.repealedOn < d.effectiveFrom) {
    ctx.addIssue({ code: "custom", path: ["repealedOn"], message: "废止日期不能早于生效日期" });
  }
  if (d.issuedOn && d.issuedOn > d.effectiveFrom) {
    ctx.addIssue({ code: "custom", path: ["issuedOn"], message: "印发日期不能晚于生效日期" });
  }
  if (d.id !== undefined && d.supersedes.some((s) => s.documentId === d.id)) {
    ctx.addIssue({ code: "custom", path: ["supersedes"], message: "文件不能替代自身" });
  }
  const seen = new Map<string, number>();
  d.parameters.forEach((p, i) => {
    const key = `${parameterKey(p)}|${p.effectiveFrom ?? ""}`;
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.addIssue({ code: "custom", path: ["parameters", i], message: `与第${first + 1}项参数重复` });
    } else seen.set(key, i);
  });
}

export const PolicyDocumentFields = policyDocumentBase.superRefine(refineDocument);
export type PolicyDocumentFields = z.infer<typeof PolicyDocumentFields>;
export type PolicyDocumentFieldsInput = z.input<typeof PolicyDocumentFields>;

export const PolicyDocument = policyDocumentBase.extend({ id: Id }).superRefine(refineDocument);
export type PolicyDocument = z.infer<typeof PolicyDocument>;
export type PolicyDocumentInput = z.input<typeof PolicyDocument>;

/** A pooling area (统筹区): a jurisdiction whose parameters of a scheme apply to everything below it. */
export const PoolingLevel = z.enum(["city", "province"]);
export type PoolingLevel = z.infer<typeof PoolingLevel>;
export const poolingLevelLabels: Record<PoolingLevel, string> = { city: "市级统筹", province: "省级统筹" };

export const PoolingArea = z.object({
  jurisdictionCode: AdminCode,
  scheme: Scheme,
  level: PoolingLevel,
  since: IsoDate.nullable().default(null),
});
export type PoolingArea = z.infer<typeof PoolingArea>;

/** A statistic a relative rule reads (6 × 居民人均可支配收入), for one jurisdiction and year. */
export const StatisticName = z.enum(["residentDisposableIncome", "employeeAverageWage"]);
export type StatisticName = z.infer<typeof StatisticName>;
export const statisticLabels: Record<StatisticName, string> = {
  residentDisposableIncome: "居民人均可支配收入",
  employeeAverageWage: "职工年平均工资",
};
export const StatisticValue = z.object({
  statistic: StatisticName,
  year: z.number().int(),
  /** 元. */
  value: z.number().positive(),
  source: z.string().nullable().default(null),
});
export type StatisticValue = z.infer<typeof StatisticValue>;
