import type { PlanDocument } from "@ybplan/domain/plan";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { importPlanText } from "../src/index.ts";
import { matchHeading, stripPageNumber } from "../src/outline/headings.ts";

function importOk(text: string): PlanDocument {
  const r = importPlanText(text);
  if (Result.isFailure(r)) throw new Error(r.failure.message);
  return r.success;
}

describe("headings", () => {
  it("recognises the numbering styles and splits a run-on title", () => {
    expect(matchHeading("第十二章 保障措施")).toMatchObject({
      style: "chapter",
      ordinal: 12,
      title: "保障措施",
    });
    expect(matchHeading("第一節 發展成效")).toMatchObject({ style: "section", ordinal: 1 });
    expect(matchHeading("三、重点任务")).toMatchObject({
      style: "cn",
      ordinal: 3,
      title: "重点任务",
      rest: "",
    });
    expect(matchHeading("(四) 探索推进")).toMatchObject({ style: "parenCn", ordinal: 4 });
    expect(matchHeading("1. 坚持党的领导。增强“四个意识”。")).toMatchObject({
      style: "arabic",
      title: "坚持党的领导",
      rest: "增强“四个意识”。",
    });
    expect(matchHeading("（3）进销存实时管理。")).toMatchObject({ style: "parenArabic", ordinal: 3 });
    // not headings: years, decimals, "一是"
    expect(matchHeading("2020年全市参保率达到95%。")).toBeNull();
    expect(matchHeading("1.6，明显低于全省")).toBeNull();
    expect(matchHeading("一是全面建立统一的制度。")).toBeNull();
  });

  it("strips table-of-contents page numbers and dot leaders", () => {
    expect(stripPageNumber("五、医保服务优质便捷·····\t11\t-")).toBe("五、医保服务优质便捷");
    expect(stripPageNumber("第一章\t规划基础\t1")).toBe("第一章\t规划基础");
    expect(stripPageNumber("（一）发展基础\t3")).toBe("（一）发展基础");
  });
});

describe("outline", () => {
  it("skips a table of contents without page numbers that repeats the body's headings", () => {
    const toc = ["一、背景", "（一）基础", "（二）机遇", "二、任务", "（一）参保", "（二）待遇"];
    const body = [
      "一、背景",
      "（一）基础",
      "基础很好。",
      "（二）机遇",
      "机遇很多。",
      "二、任务",
      "（一）参保",
      "1.扩面。做好参保。",
      "2.核查。比对数据。",
      "（二）待遇",
      "提高待遇。",
    ];
    const doc = importOk(
      [
        "某市医保“十四五”规划",
        "",
        ...toc.flatMap((t) => [t, ""]),
        "某市医保“十四五”规划",
        "",
        ...body.flatMap((t) => [t, ""]),
      ].join("\n"),
    );
    expect(doc.tasks.map((t) => [t.number, t.title, t.level, t.parentKey])).toEqual([
      ["一、", "背景", 1, null],
      ["（一）", "基础", 2, "t1"],
      ["（二）", "机遇", 2, "t1"],
      ["二、", "任务", 1, null],
      ["（一）", "参保", 2, "t2"],
      ["1.", "扩面", 3, "t2.1"],
      ["2.", "核查", 3, "t2.1"],
      ["（二）", "待遇", 2, "t2"],
    ]);
    expect(doc.tasks.find((t) => t.title === "扩面")?.text).toBe("做好参保。");
    expect(doc.tasks[0]?.line).toBe(17);
  });

  it("a 目录 with page numbers and dot leaders; back matter and signatures are not task text", () => {
    const doc = importOk(
      [
        "某市医保“十四五”规划",
        "目 录",
        "第一章 总体要求·····\t1\t-",
        "第一节 指导思想·····\t1\t-",
        "第二章 重点任务·····\t3\t-",
        "第一节 参保·····\t3\t-",
        "",
        "第一章 总体要求",
        "第一节 指导思想",
        "以人民为中心。",
        "第二章 重点任务",
        "第一节 参保",
        "应保尽保，做好",
        "",
        "参保工作。",
        "抄送：各县区。",
        "某市医疗保障局",
        "2022年1月1日",
      ].join("\n"),
    );
    expect(doc.tasks.map((t) => [t.number, t.title, t.line])).toEqual([
      ["第一章", "总体要求", 8],
      ["第一节", "指导思想", 9],
      ["第二章", "重点任务", 11],
      ["第一节", "参保", 12],
    ]);
    // a paragraph cut by a page break is joined; 抄送 and the signature are dropped
    expect(doc.tasks[3]?.text).toBe("应保尽保，做好参保工作。");
    expect(doc.plan.issueDate).toBe("2022-01-01");
    expect(doc.plan.issuer).toBe("某市医疗保障局");
  });
});

describe("专栏 boxes", () => {
  it("numbered, run together, cut by a page break, unnumbered first item, bullets", () => {
    const doc = importOk(
      [
        "某市医保“十四五”规划",
        "一、任务",
        "专栏1 甲工程",
        "1.建库。建立数据库。2.共享。信息共享。",
        "3.比对。定期比对，核实",
        "",
        "漏保问题。",
        "正文继续。",
        "专栏 2 乙工程",
        "先做第一件事。内容。",
        "2. 第二件事。内容。",
        "二、措施",
        "專欄3 丙工程",
        "l信用評價項目。落實清單。",
        "- （2）第二项。内容。",
        "",
      ].join("\n"),
    );
    expect(
      doc.projects.map((p) => [p.number, p.title, p.items.map((i) => [i.number, i.title, i.text, i.line])]),
    ).toEqual([
      [
        "专栏1",
        "甲工程",
        [
          ["1", "建库", "建立数据库。", 4],
          ["2", "共享", "信息共享。", 4],
          ["3", "比对", "定期比对，核实漏保问题。", 5],
        ],
      ],
      [
        "专栏2",
        "乙工程",
        [
          ["1", "先做第一件事", "内容。", 10],
          ["2", "第二件事", "内容。", 11],
        ],
      ],
      [
        "专栏3",
        "丙工程",
        [
          ["1", "信用评价项目", "落实清单。", 14],
          ["2", "第二项", "内容。", 15],
        ],
      ],
    ]);
    // the box's lines are not task text; the paragraph after it is
    expect(doc.tasks[0]?.text).toBe("正文继续。");
  });

  it("an empty box is reported", () => {
    const doc = importOk(["某市医保“十四五”规划", "一、任务", "专栏1 空的", "二、措施", "内容。"].join("\n"));
    expect(doc.projects[0]?.items).toEqual([]);
    expect(doc.warnings.map((w) => [w.code, w.line])).toContainEqual(["emptyProject", 3]);
  });
});
