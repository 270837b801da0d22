import {
  PolicyDocument,
  type PolicyDocumentInput,
  type PolicyParameterInput,
} from "../../src/policy/index.ts";

export const doc = (
  input: Partial<PolicyDocumentInput> & Pick<PolicyDocumentInput, "id" | "effectiveFrom">,
) =>
  PolicyDocument.parse({
    title: `文件${input.id}`,
    issuer: "黄石市医疗保障局",
    jurisdictionCode: "420200",
    ...input,
  });

const levels = ["level1", "level2", "level3"] as const;

/** 黄石's 2020 table: deductibles 200/500/800, 职工 90/88/86 %, 居民 90/75/60 % by level. */
export function huangshi2020Parameters(): PolicyParameterInput[] {
  const out: PolicyParameterInput[] = [];
  levels.forEach((level, i) => {
    out.push({
      kind: "deductible",
      scheme: "resident",
      service: "inpatient",
      level,
      value: [200, 500, 800][i]!,
    });
    out.push({
      kind: "reimbursementRatio",
      scheme: "employee",
      service: "inpatient",
      level,
      value: [90, 88, 86][i]!,
    });
    out.push({
      kind: "reimbursementRatio",
      scheme: "resident",
      service: "inpatient",
      level,
      value: [90, 75, 60][i]!,
    });
  });
  return out;
}

export const huangshi2020 = () =>
  doc({
    id: "hs-2020",
    title: "黄石市城乡居民基本医疗保险实施办法",
    docNumber: "黄政规〔2020〕1号",
    effectiveFrom: "2020-01-01",
    parameters: huangshi2020Parameters(),
  });

export const huangshi2023 = () =>
  doc({
    id: "hs-2023",
    title: "关于调整城乡居民医保住院待遇的通知",
    docNumber: "黄医保发〔2023〕5号",
    effectiveFrom: "2023-01-01",
    supersedes: [{ documentId: "hs-2020", mode: "amend" }],
    parameters: [
      { kind: "reimbursementRatio", scheme: "resident", service: "inpatient", level: "level3", value: 65 },
    ],
  });
