import { describe, expect, it } from "vitest";
import { importCompanyEvents, parseYuan, rateCompanies } from "../../src/credit/index.ts";

const header = [
  "企业编码",
  "企业名称",
  "评价省份代码",
  "失信事项",
  "案号",
  "涉案金额（元）",
  "认定等级",
  "认定日期",
  "案件来源",
];

describe("company event import", () => {
  it("reads labels and 万元 amounts, and the imported worked example rates 严重", () => {
    const { events, issues } = importCompanyEvents({
      header,
      rows: [
        {
          line: 2,
          cells: [
            "YTF",
            "云南同丰医药有限公司",
            "530000",
            "医药商业贿赂",
            "（2021）云01刑初1号",
            "60万元",
            "",
            "2022/05/10",
            "法院判决",
          ],
        },
        {
          line: 3,
          cells: [
            "HS",
            "某中药饮片公司",
            "370000",
            "恶意违反合同约定",
            "鲁医保〔2024〕1号",
            "",
            "严重",
            "2024-03-01",
            "行政处罚决定",
          ],
        },
      ],
    });
    expect(issues).toEqual([]);
    expect(events.map((e) => [e.category, e.amountYuan, e.assessedLevel, e.source])).toEqual([
      ["bribery", 600_000, null, "court-judgment"],
      ["breach-of-contract", null, "serious", "penalty-decision"],
    ]);
    const r = rateCompanies(events, [], { year: 2022, quarter: 2 }).ratings[0]!;
    expect(r.reason).toBe("严重：累计行贿60万元，达到2020版裁量基准50万元档");
  });

  it("reports every row problem with line and column, and imports nothing from bad rows", () => {
    const { events, issues } = importCompanyEvents({
      header,
      rows: [
        { line: 2, cells: ["A", "甲", "53", "行贿", "k", "abc", "很严重", "2022-13-01", "传闻"] },
        { line: 3, cells: ["B", "乙", "530000", "涉税违法", "k2", "", "", "2022-01-01", "审计"] },
      ],
    });
    expect(events).toEqual([]);
    expect(issues).toEqual([
      { line: 2, field: "失信事项", message: "无法识别的失信事项“行贿”" },
      { line: 2, field: "涉案金额", message: "金额“abc”应为数字，可带“万元”" },
      { line: 2, field: "认定等级", message: "无法识别的认定等级“很严重”" },
      { line: 2, field: "案件来源", message: "案件来源应为法院判决、行政处罚决定或审计" },
      { line: 3, field: "涉案金额", message: "须填写涉案金额、认定等级或顶格情形之一" },
    ]);
  });

  it("names missing required columns", () => {
    const { issues } = importCompanyEvents({ header: ["企业名称"], rows: [] });
    expect(issues.map((i) => i.message)).toContain("缺少“企业编码”列");
  });

  it("parses amounts", () => {
    expect([parseYuan("114万"), parseYuan("1,140,000"), parseYuan(""), parseYuan("1.5万元")]).toEqual([
      1_140_000,
      1_140_000,
      null,
      15_000,
    ]);
    expect(parseYuan("十万")).toBeNaN();
  });
});
