import { describe, expect, it } from "vitest";
import {
  compareInForce,
  describePolicyChanges,
  findOverlaps,
  findSupersessionCycle,
  type ParameterDimensions,
  PolicyDocument,
  parameterHistory,
  parameterKey,
  parametersInForce,
} from "../../src/policy/index.ts";
import { doc, huangshi2020, huangshi2023 } from "./fixtures.ts";

const resident3 = {
  kind: "reimbursementRatio",
  scheme: "resident",
  service: "inpatient",
  level: "level3",
  population: "all",
} as const;
const valueAt = (ps: ReturnType<typeof parametersInForce>, dims: ParameterDimensions) =>
  ps.find((p) => p.key === parameterKey(dims))?.value;

describe("in-force resolution", () => {
  it("an amending document replaces only the parameter it sets, from its own effective date", () => {
    const docs = [huangshi2020(), huangshi2023()];
    const mid2022 = parametersInForce(docs, "2022-06-30", ["420200"]);
    const mid2024 = parametersInForce(docs, "2024-06-30", ["420200"]);
    expect(mid2022).toHaveLength(9);
    expect(mid2024).toHaveLength(9);
    expect(valueAt(mid2022, resident3)).toBe(60);
    expect(valueAt(mid2024, resident3)).toBe(65);
    expect(valueAt(mid2024, { ...resident3, level: "level2" })).toBe(75);
    // The day before the amendment the old value holds; on the day the new one.
    expect(valueAt(parametersInForce(docs, "2022-12-31", ["420200"]), resident3)).toBe(60);
    expect(valueAt(parametersInForce(docs, "2023-01-01", ["420200"]), resident3)).toBe(65);
    expect(parametersInForce(docs, "2019-12-31", ["420200"])).toEqual([]);
  });

  it("a replacing document ends every parameter of the one it supersedes", () => {
    const replacing = doc({
      id: "hs-2023r",
      effectiveFrom: "2023-01-01",
      supersedes: [{ documentId: "hs-2020", mode: "replace" }],
      parameters: [
        { kind: "reimbursementRatio", scheme: "resident", service: "inpatient", level: "level3", value: 65 },
      ],
    });
    const after = parametersInForce([huangshi2020(), replacing], "2024-06-30", ["420200"]);
    expect(after.map((p) => [p.documentId, p.value])).toEqual([["hs-2023r", 65]]);
  });

  it("a repealed document stops the day before its 废止 date; an explicit end date bounds a parameter", () => {
    const repealed = { ...huangshi2020(), status: "repealed" as const, repealedOn: "2022-01-01" };
    expect(parametersInForce([repealed], "2021-12-31", ["420200"])).toHaveLength(9);
    expect(parametersInForce([repealed], "2022-01-01", ["420200"])).toHaveLength(0);
    const subsidy = doc({
      id: "sub",
      effectiveFrom: "2021-01-01",
      parameters: [{ kind: "fiscalSubsidy", scheme: "resident", value: 580, effectiveTo: "2021-12-31" }],
    });
    expect(parametersInForce([subsidy], "2021-12-31", ["420200"])).toHaveLength(1);
    expect(parametersInForce([subsidy], "2022-01-01", ["420200"])).toHaveLength(0);
  });

  it("a county inherits the city's parameters it does not set itself, nearest jurisdiction first", () => {
    const county = doc({
      id: "county",
      jurisdictionCode: "420222",
      effectiveFrom: "2021-01-01",
      parameters: [
        { kind: "reimbursementRatio", scheme: "resident", service: "inpatient", level: "level3", value: 62 },
      ],
    });
    const ps = parametersInForce([huangshi2020(), county], "2022-06-30", ["420222", "420200", "420000"]);
    expect(ps).toHaveLength(9);
    const own = ps.find((p) => p.key === parameterKey(resident3))!;
    expect([own.value, own.inherited]).toEqual([62, false]);
    expect(ps.filter((p) => p.inherited)).toHaveLength(8);
  });

  it("history of one parameter is a step series with the documents that set it", () => {
    const h = parameterHistory([huangshi2023(), huangshi2020()], "420200", resident3);
    expect(h.map((r) => [r.from, r.to, r.value, r.docNumber, r.endedBy?.reason ?? null])).toEqual([
      ["2020-01-01", "2022-12-31", 60, "黄政规〔2020〕1号", "superseded"],
      ["2023-01-01", null, 65, "黄医保发〔2023〕5号", null],
    ]);
  });

  it("the difference between two dates lists what changed, and the report sentence names the document", () => {
    const changes = compareInForce([huangshi2020(), huangshi2023()], ["420200"], "2022-06-30", "2024-06-30");
    expect(changes.map((c) => [c.key, c.before?.value, c.after?.value])).toEqual([
      [parameterKey(resident3), 60, 65],
    ]);
    expect(describePolicyChanges(changes)).toEqual([
      "城乡居民医保三级医疗机构住院报销比例由60%调整为65%（自2023年1月1日起，依据《关于调整城乡居民医保住院待遇的通知》（黄医保发〔2023〕5号））。",
    ]);
    expect(compareInForce([huangshi2020(), huangshi2023()], ["420200"], "2020-06-30", "2022-06-30")).toEqual(
      [],
    );
  });

  it("sentences for a new and an ended parameter", () => {
    const subsidy = doc({
      id: "sub",
      title: "关于2021年城乡居民医保筹资标准的通知",
      jurisdictionCode: "440784",
      effectiveFrom: "2021-01-01",
      parameters: [{ kind: "fiscalSubsidy", scheme: "resident", value: 580, effectiveTo: "2021-12-31" }],
    });
    expect(describePolicyChanges(compareInForce([subsidy], ["440784"], "2020-06-30", "2021-06-30"))).toEqual([
      "新设城乡居民医保财政补助标准580元（自2021年1月1日起，依据《关于2021年城乡居民医保筹资标准的通知》）。",
    ]);
    expect(describePolicyChanges(compareInForce([subsidy], ["440784"], "2021-06-30", "2022-06-30"))).toEqual([
      "城乡居民医保财政补助标准（原580元）自2021年12月31日后不再执行（原依据《关于2021年城乡居民医保筹资标准的通知》）。",
    ]);
  });
});

describe("overlaps and supersession", () => {
  it("two documents setting the same parameter for overlapping periods overlap, naming both", () => {
    const rival = doc({
      id: "rival",
      title: "另一文件",
      effectiveFrom: "2023-01-01",
      parameters: [
        { kind: "reimbursementRatio", scheme: "resident", service: "inpatient", level: "level3", value: 65 },
      ],
    });
    const overlaps = findOverlaps([huangshi2020(), rival], "rival");
    expect(overlaps.map((o) => [o.key, o.first.documentId, o.second.documentId, o.from])).toEqual([
      [parameterKey(resident3), "hs-2020", "rival", "2023-01-01"],
    ]);
    // Declared as an amendment, there is no overlap.
    expect(findOverlaps([huangshi2020(), huangshi2023()])).toEqual([]);
    // Different jurisdictions never overlap; an earlier bounded document does not either.
    expect(findOverlaps([huangshi2020(), { ...rival, jurisdictionCode: "420222" }])).toEqual([]);
    const bounded = { ...huangshi2020(), effectiveTo: "2022-12-31" };
    expect(findOverlaps([bounded, rival])).toEqual([]);
  });

  it("detects a supersession cycle", () => {
    const a = { id: "a", supersedes: [{ documentId: "c", mode: "amend" as const }] };
    const b = { id: "b", supersedes: [{ documentId: "a", mode: "amend" as const }] };
    const c = { id: "c", supersedes: [{ documentId: "b", mode: "replace" as const }] };
    expect(findSupersessionCycle([a, b, c])).toEqual(["a", "c", "b", "a"]);
    expect(findSupersessionCycle([a, b])).toBeNull();
  });
});

describe("bad input is refused with the field", () => {
  const issues = (input: unknown) => {
    const r = PolicyDocument.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
  };
  const base = {
    id: "x",
    title: "某文件",
    issuer: "某局",
    jurisdictionCode: "420200",
    effectiveFrom: "2023-01-01",
  };
  it("ratio outside 0–100, negative amount, end before start, 废止 without date, self-supersession, duplicates", () => {
    expect(
      issues({ ...base, parameters: [{ kind: "reimbursementRatio", scheme: "resident", value: 120 }] }),
    ).toEqual([["parameters.0.value", "比例应在0—100%之间"]]);
    expect(issues({ ...base, parameters: [{ kind: "deductible", scheme: "resident", value: -1 }] })).toEqual([
      ["parameters.0.value", "金额不能为负数"],
    ]);
    expect(issues({ ...base, effectiveTo: "2022-12-31" })).toEqual([
      ["effectiveTo", "失效日期不能早于生效日期"],
    ]);
    expect(issues({ ...base, status: "repealed" })).toEqual([["repealedOn", "废止须填写废止日期"]]);
    expect(issues({ ...base, supersedes: [{ documentId: "x" }] })).toEqual([
      ["supersedes", "文件不能替代自身"],
    ]);
    const p = { kind: "deductible", scheme: "resident", value: 200 };
    expect(issues({ ...base, parameters: [p, p] })).toEqual([["parameters.1", "与第1项参数重复"]]);
    expect(issues(base)).toEqual([]);
  });
});
