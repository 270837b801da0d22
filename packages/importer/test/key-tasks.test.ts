import type { PlanDocument } from "@ybplan/domain/plan";
import { keyTaskKeys } from "@ybplan/domain/task";
import { readSamplePlan } from "@ybplan/samples";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import { htmlToText, importPlanText } from "../src/index.ts";
import { toSourceLines } from "../src/lines/source-lines.ts";

function importSample(key: string): PlanDocument {
  const r = importPlanText(readSamplePlan(key as never), { fileName: `${key}.txt` });
  if (Result.isFailure(r)) throw new Error(r.failure.message);
  return r.success;
}

function importOk(text: string): PlanDocument {
  const r = importPlanText(text);
  if (Result.isFailure(r)) throw new Error(r.failure.message);
  return r.success;
}

/**
 * Key tasks and 专栏 items per sample plan, counted by reading the plans (not by running the
 * importer):
 * - 黄石市: 第三章 重点任务, four 节 with six numbered tasks (一、–六、) each → 24. 专栏2–11 (专栏1 is the
 *   indicator table): 6 + 4 + 6 + 5 + 4 + 5 + 4 + 5 + 3 + 6 = 48 items.
 * - 南阳市: chapters 三–九 are task areas, their （一）… the tasks: 7 + 4 + 4 + 4 + 5 + 4 + 5 → 33.
 *   专栏1–7: 2 + 4 (the first unnumbered) + 6 + 3 + 3 + 6 + 3 = 27 items.
 * - 鹤山市: 三、重点任务, six sections with 3, 2, 5, 4, 4 and 3 numbered tasks → 21. No 专栏.
 * - 湖南省: 三、主要任务, tasks numbered 1–33 across nine sections → 33. 專欄9: six "l" items.
 * - 青阳县: 三、重点任务 （一） numbers five tasks; （二） writes six and （三） three as paragraphs
 *   opening with a bold sentence → 5 + 6 + 3 = 14. 专栏2: five items (专栏1 is the table).
 */
const expected: Record<string, { keyTasks: number; items: number }> = {
  "hubei-huangshi-city": { keyTasks: 24, items: 48 },
  "henan-nanyang-city": { keyTasks: 33, items: 27 },
  "guangdong-heshan-city": { keyTasks: 21, items: 0 },
  "hunan-province": { keyTasks: 33, items: 6 },
  "anhui-qingyang-county": { keyTasks: 14, items: 5 },
};

describe.each(Object.entries(expected))("%s", (key, want) => {
  const doc = importSample(key);
  it(`has ${want.keyTasks} key tasks and ${want.items} 专栏 items`, () => {
    expect(keyTaskKeys(doc.tasks).size).toBe(want.keyTasks);
    expect(doc.projects.reduce((n, p) => n + p.items.length, 0)).toBe(want.items);
  });
});

describe("bold lead sentences", () => {
  it("the line reader keeps the bold sentence a line opens with", () => {
    const [a, b, c, d] = toSourceLines(
      [
        "**合理设定参保护面目标。**根据本地区常住人口确定目标。",
        "2. 医疗保障水平进一步提高。一是**覆盖范围扩大**。",
        "## **（二）机遇与挑战**",
        "**完善补充医疗保险。**",
      ].join("\n"),
    );
    expect(a).toMatchObject({
      text: "合理设定参保护面目标。根据本地区常住人口确定目标。",
      leadIn: "合理设定参保护面目标。",
    });
    expect(b?.leadIn).toBeNull(); // bold in mid-line is emphasis
    expect(c?.leadIn).toBeNull(); // a wholly bold caption is no lead sentence
    expect(d?.leadIn).toBe("完善补充医疗保险。");
  });

  it("a paragraph opening in bold in HTML / .docx (mammoth's <strong>) keeps its lead sentence", () => {
    const text = htmlToText(
      "<p><strong>合理设定参保护面目标。</strong>根据人口确定。</p><p>一是<strong>强调</strong>。</p><table><tr><td><b>类别</b></td></tr></table>",
    );
    expect(text).toBe("**合理设定参保护面目标。**根据人口确定。\n\n一是强调。\n\n类别");
    expect(toSourceLines(text)[0]?.leadIn).toBe("合理设定参保护面目标。");
  });

  it("青阳 三（二）/（三): the nine bold-led tasks are sub-tasks of their section, in order, with their text", () => {
    const doc = importSample("anhui-qingyang-county");
    const section2 = doc.tasks.find((t) => t.title === "优化医疗保障协同治理体系");
    const section3 = doc.tasks.find((t) => t.title === "健全医疗保障服务支撑体系");
    const under = (key: string | undefined) =>
      doc.tasks.filter((t) => t.parentKey === key).map((t) => [t.title, t.line, t.level, t.kind]);
    expect(under(section2?.key)).toEqual([
      ["全面实行多元复合式医保支付", 145, 3, "keyTask"],
      ["加强医保目录和两定机构协议管理", 161, 3, "keyTask"],
      ["完善医保基金监管体制", 165, 3, "keyTask"],
      ["健全医保基金监管制度", 167, 3, "keyTask"],
      ["创新医保基金监管方式", 171, 3, "keyTask"],
      ["推进完善医药价格形成机制", 173, 3, "keyTask"],
    ]);
    expect(under(section3?.key)).toEqual([
      ["发挥智慧医保平台作用", 179, 3, "keyTask"],
      ["优化医疗保障公共服务", 181, 3, "keyTask"],
      ["强化法治保障", 183, 3, "keyTask"],
    ]);
    // the section keeps no text of its own; a task's text runs on over the page break (line 147)
    expect(section2?.text).toBe("");
    const payment = doc.tasks.find((t) => t.title === "全面实行多元复合式医保支付");
    expect(payment?.text.startsWith("完善医保基金总额预算管理，科学制定总额预算。")).toBe(true);
    expect(payment?.text).toContain("按疾病诊断相关分组(DRG) 付费工作");
    expect(payment?.text).not.toContain("加强医保目录");
  });

  it("青阳 三（一）1.: bold points inside a numbered task at the deepest level stay its text", () => {
    const doc = importSample("anhui-qingyang-county");
    const task = doc.tasks.find((t) => t.title === "提高基本医疗保险参保质量");
    expect(doc.tasks.filter((t) => t.parentKey === task?.key)).toEqual([]);
    expect(task?.text.startsWith("合理设定参保护面目标。")).toBe(true);
    expect(task?.text).toContain("持续优化参保缴费服务。");
    // the bold-led paragraphs of 发展基础 and 基本原则 are no tasks either
    expect(
      doc.tasks.filter((t) => t.title === "全民医保基本实现" || t.title === "坚持以人民健康为中心"),
    ).toEqual([]);
  });

  it("only where a deeper numbered level exists in the chapter, and with two bold leads at least", () => {
    const doc = importOk(
      [
        "某县医保“十四五”规划",
        "一、规划背景",
        "**参保扩面。**全县参保率超过95%。",
        "**待遇提升。**报销比例稳定。",
        "二、重点任务",
        "（一）完善制度",
        "1. 提高参保质量。做好参保。",
        "（二）优化治理",
        "总的要求是协同。",
        "**推进支付改革。**推进按病种付费，",
        "",
        "完善总额预算。",
        "**加强基金监管。**建立智能监控。",
        "（三）强化服务",
        "**建设经办大厅。**只有一项加粗。",
        "三、重点工程",
        "（一）信息化",
        "**建设平台。**一。",
        "**完善系统。**二。",
      ].join("\n"),
    );
    const rows = doc.tasks.map((t) => [t.key, t.number, t.title, t.level, t.text]);
    expect(rows).toEqual([
      ["t1", "一、", "规划背景", 1, "参保扩面。全县参保率超过95%。\n待遇提升。报销比例稳定。"],
      ["t2", "二、", "重点任务", 1, ""],
      ["t2.1", "（一）", "完善制度", 2, ""],
      ["t2.1.1", "1.", "提高参保质量", 3, "做好参保。"],
      ["t2.2", "（二）", "优化治理", 2, "总的要求是协同。"],
      ["t2.2.1", "", "推进支付改革", 3, "推进按病种付费，完善总额预算。"],
      ["t2.2.2", "", "加强基金监管", 3, "建立智能监控。"],
      ["t2.3", "（三）", "强化服务", 2, "建设经办大厅。只有一项加粗。"],
      // no numbered level below （一） in this chapter: the bold sentences stay text
      ["t3", "三、", "重点工程", 1, ""],
      ["t3.1", "（一）", "信息化", 2, "建设平台。一。\n完善系统。二。"],
    ]);
    expect(keyTaskKeys(doc.tasks)).toEqual(new Set(["t2.1.1", "t2.2.1", "t2.2.2", "t2.3", "t3.1"]));
  });
});
