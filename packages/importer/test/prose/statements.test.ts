import { readFileSync } from "node:fs";
import { readSamplePlan } from "@ybplan/samples";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { importPlanBytes, importPlanText, parseIndicatorProse } from "../../src/index.ts";
import { buildDocx } from "../support/build-docx.ts";
import { readRow } from "./score.ts";

describe("prose indicator statements: what comes with a reading", () => {
  it("keeps every unreadable indicator-like clause as a warning with its own line", () => {
    const { indicators, warnings } = parseIndicatorProse(
      [
        "到2025年，全市基本医疗保险参保率稳定在97%以上，",
        "住院费用实际报销比例较2020年提高5个百分点；",
        "坚持覆盖全民、依法参保。",
        "药品达到90%、高值医用耗材达到80%。",
      ].join("\n"),
      { firstLine: 40 },
    );
    expect(indicators.map((i) => [i.name, i.line])).toEqual([["基本医疗保险参保率", 40]]);
    expect(warnings.map((w) => [w.code, w.line, w.text])).toEqual([
      ["unclearProse", 41, "住院费用实际报销比例较2020年提高5个百分点"],
      ["unclearProse", 43, "药品达到90%、高值医用耗材达到80%"],
    ]);
    expect(warnings[0]?.message).toBe("这句话像是指标表述，但无法识别其目标值");
  });

  it("a name and a bare figure are a target only on a list line of their own, not inside running text", () => {
    expect(parseIndicatorProse("医保基金监督检查覆盖率 100%").indicators.map((i) => i.name)).toEqual([
      "医保基金监督检查覆盖率",
    ]);
    expect(
      parseIndicatorProse("全市基本医疗保险基金支出81亿元，同比增长10%。").indicators.map((i) => i.name),
    ).toEqual([]);
  });

  it("每年 sets a yearly assessment, 年均 a period average, 约束性 the attribute; a list row's first figure is its baseline", () => {
    const { indicators } = parseIndicatorProse(
      [
        "基本医疗保险参保率每年保持在95%以上。",
        "“十四五”期间，基本医疗保险参保率年均保持在96%以上。",
        "住院费用跨省直接结算率 70%以上（约束性）",
        "基本医疗保险参保率（%） 95 96以上 约束性",
      ].join("\n"),
    );
    expect(indicators.map((i) => i.source?.attribute)).toEqual(["", "", "约束性", "约束性"]);
    expect(indicators.map((i) => [i.name, i.assessment, i.attribute])).toEqual([
      ["基本医疗保险参保率", "eachYear", "expected"],
      ["基本医疗保险参保率", "periodAverage", "expected"],
      ["住院费用跨省直接结算率", "endOfPeriod", "binding"],
      ["基本医疗保险参保率", "endOfPeriod", "binding"],
    ]);
    expect(readRow(indicators[3]!)).toEqual(["基本医疗保险参保率", ">=", 96, "%", 95, ""]);
    expect(indicators.map((i) => i.key)).toEqual([
      expect.any(String),
      `${indicators[0]?.key}#2`,
      expect.any(String),
      `${indicators[0]?.key}#3`,
    ]);
  });

  it("a change between two figures keeps the sentence's own text, years included, and its direction", () => {
    const [i] = parseIndicatorProse("DRG/DIP付费住院费用占比由2020年的30%提升至70%。").indicators;
    expect(i?.target.text).toBe("由2020年的30%提升至70%");
    expect(i?.baseline.text).toBe("30%");
    expect(i?.direction).toBe("higher");
    expect(i?.target.expression).toMatchObject({ kind: "level", from: { value: 30, unit: "%" } });
    expect(i?.source?.name).toBe("DRG/DIP付费住院费用占比由2020年的30%提升至70%");
  });

  it("a statement in traditional characters keeps its original text in source and is stored simplified", () => {
    const [i] = parseIndicatorProse("到2025年，醫保電子憑證激活率不低於60%。").indicators;
    expect(i?.name).toBe("医保电子凭证激活率");
    expect(i?.target.text).toBe("不低于60%");
    expect(i?.source?.name).toBe("醫保電子憑證激活率不低於60%");
  });

  it("黄石's goals section (第三节 主要目标) as prose: its three targets under their headings, nothing from the rest", () => {
    const lines = readSamplePlan("hubei-huangshi-city").split("\n");
    const from = lines.findIndex((l) => l.startsWith("第三节 主要目标"));
    const to = lines.findIndex((l, k) => k > from && l.startsWith("专栏1"));
    const { indicators, warnings } = parseIndicatorProse(lines.slice(from + 1, to).join("\n"), {
      firstLine: from + 2,
      baselineYear: 2020,
    });
    expect(indicators.map((i) => [...readRow(i), i.line])).toEqual([
      ["重点救助对象基本医保参保率", "=", 100, "%", null, "参保覆盖不断优化", 179],
      ["普通门诊政策范围内医疗费用报销比例", ">=", 50, "%", null, "制度供给更加充分", 185],
      ["跨省异地就医直接结算率", ">=", 80, "%", null, "医保服务优质便捷", 199],
    ]);
    expect(lines[178]).toContain("重点救助对象基本医保参保率达到100%");
    expect(warnings).toEqual([]);
  });

  it("黄石's background: a sentence dated in the baseline year or the 十三五 states no target", () => {
    const lines = readSamplePlan("hubei-huangshi-city").split("\n");
    const at = lines.findIndex((l) => l.includes("2020年全市基本医疗保险参保人数达到233.4万人"));
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toContain("参保率稳定在95%以上");
    const { indicators } = parseIndicatorProse(lines[at] ?? "", { baselineYear: 2020 });
    expect(indicators.map((i) => i.name)).toEqual([]);
  });
});

describe("a document without a table: indicators from its goals section", () => {
  const release = [
    "某市醫療保障事業發展“十四五”規劃解讀",
    "",
    "一、發展基礎",
    "截至2020年底，全市基本醫療保險參保率達到96%，參保人數達到230萬人。",
    "",
    "二、主要目標",
    "（一）參保覆蓋",
    "1. 基本醫療保險參保率 97%以上（約束性）",
    "2. 醫療救助對象參保率 100%",
    "（二）待遇保障",
    "職工和城鄉居民醫保政策範圍內住院費用報銷比例分別穩定在80%和70%左右。",
    "DRG/DIP付費住院費用佔比由2020年的30%提升至70%。",
    "",
    "三、重點任務",
    "（一）完善制度。每年開展醫保基金專項檢查不少於2次。",
  ].join("\n");

  it("a news release in traditional characters with a one-per-line list under category headings", () => {
    const r = importPlanText(release, { fileName: "解读.txt" });
    if (Result.isFailure(r)) throw new Error(r.failure.message);
    const doc = r.success;
    expect(doc.indicators.map((i) => [...readRow(i), i.line, i.attribute])).toEqual([
      ["基本医疗保险参保率", ">=", 97, "%", null, "参保覆盖", 8, "binding"],
      ["医疗救助对象参保率", "=", 100, "%", null, "参保覆盖", 9, "expected"],
      ["职工医保政策范围内住院费用报销比例", "~", 80, "%", null, "待遇保障", 11, "expected"],
      ["城乡居民医保政策范围内住院费用报销比例", "~", 70, "%", null, "待遇保障", 11, "expected"],
      ["DRG/DIP付费住院费用占比", "=", 70, "%", 30, "待遇保障", 12, "expected"],
    ]);
    expect(doc.indicators.every((i) => i.confidence === "prose")).toBe(true);
    expect(doc.warnings.map((w) => w.code)).toEqual(["noIndicatorTable"]);
    expect(doc.warnings[0]?.message).toContain("已从正文表述中识别出 5 项指标");
  });

  it("a policy interpretation (政策解读) whose goals state 13 indicators in sentences under four category headings", () => {
    const text = readFileSync(new URL("./fixtures/interpretation.txt", import.meta.url), "utf8");
    const r = importPlanText(text, { fileName: "解读.txt" });
    if (Result.isFailure(r)) throw new Error(r.failure.message);
    const rows = r.success.indicators.map((i) => [...readRow(i), i.line]);
    expect(rows).toEqual([
      ["基本医疗保险参保率", ">=", 96, "%", null, "参保覆盖类", 8],
      ["基本医疗保险参保人数", "~", 415, "万人", null, "参保覆盖类", 8],
      ["职工医保政策范围内住院费用基金支付比例", "~", 80, "%", null, "保障程度类", 10],
      ["城乡居民医保政策范围内住院费用基金支付比例", "~", 70, "%", null, "保障程度类", 10],
      ["重点救助对象符合规定的住院医疗费用救助比例", ">=", 70, "%", null, "保障程度类", 10],
      ["个人卫生支出占卫生总费用的比例", "<=", 26, "%", null, "保障程度类", 10],
      [
        "实行按疾病诊断相关分组付费和按病种分值付费的住院费用占全部住院费用的比例",
        "=",
        70,
        "%",
        null,
        "精细管理类",
        12,
      ],
      [
        "公立医疗机构通过省级集中采购平台采购药品金额占全部采购药品(不含中药饮片)金额的比例",
        "=",
        90,
        "%",
        null,
        "精细管理类",
        12,
      ],
      ["药品集中带量采购品种", ">=", 500, "个", null, "精细管理类", 12],
      ["高值医用耗材集中带量采购品种", ">=", 5, "类", null, "精细管理类", 12],
      ["住院费用跨省直接结算率", ">=", 70, "%", null, "优质服务类", 14],
      ["医疗保障政务服务事项线上可办率", "=", 80, "%", null, "优质服务类", 14],
      ["医疗保障政务服务事项窗口可办率", "=", 100, "%", null, "优质服务类", 14],
    ]);
    // the 十三五 figures of the background and the task section's 50% are no targets
    expect(r.success.warnings.filter((w) => w.code === "unclearProse")).toEqual([]);
  });

  it("the same release as a Word document reads the same indicators", async () => {
    const doc = await importPlanBytes({ bytes: await buildDocx(release), fileName: "解读.docx" });
    const fromText = importPlanText(release, { fileName: "解读.txt" });
    if (Result.isFailure(fromText)) throw new Error(fromText.failure.message);
    expect(doc.indicators.map(readRow)).toEqual(fromText.success.indicators.map(readRow));
    expect(doc.indicators).toHaveLength(5);
  });

  it("黄石 with its indicator table (专栏1 and its notes) taken out: the three targets its goals section states", () => {
    const lines = readSamplePlan("hubei-huangshi-city").split("\n");
    const from = lines.findIndex((l) => l.startsWith("专栏1"));
    const to = lines.findIndex((l) => l.startsWith("④指住院费用跨省直接结算人次"));
    const kept = lines.map((l, k) => (k >= from && k <= to ? "" : l)); // line numbers stay
    const r = importPlanText(kept.join("\n"), { fileName: "hubei-huangshi-city.txt" });
    if (Result.isFailure(r)) throw new Error(r.failure.message);
    expect(r.success.indicators.map((i) => [...readRow(i), i.line])).toEqual([
      ["重点救助对象基本医保参保率", "=", 100, "%", null, "参保覆盖不断优化", 179],
      ["普通门诊政策范围内医疗费用报销比例", ">=", 50, "%", null, "制度供给更加充分", 185],
      ["跨省异地就医直接结算率", ">=", 80, "%", null, "医保服务优质便捷", 199],
    ]);
    expect(r.success.warnings.filter((w) => w.code === "unclearProse")).toEqual([]);
  });
});
