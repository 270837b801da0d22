import { describe, expect, it } from "vitest";
import { baseTitle, diffPlan, draftStageOf, isUnchanged, type PlanSnapshot } from "../src/revision/index.ts";

const stored: PlanSnapshot = {
  plan: {
    title: "青阳县“十四五”医疗保障事业发展规划（征求意见稿）",
    issuer: "青阳县医疗保障局",
    documentNumber: null,
    issueDate: null,
    periodStart: 2021,
    periodEnd: 2025,
    baselineYear: 2020,
  },
  indicators: [
    {
      key: "参保/参保率",
      name: "基本医疗保险参保率",
      unit: "%",
      baselineText: "96.5",
      targetText: "≥96%",
      attribute: "binding",
    },
    {
      key: "支付/DRG",
      name: "DRG/DIP付费占比",
      unit: "%",
      baselineText: "30",
      targetText: "≥70%",
      attribute: "expected",
    },
  ],
  tasks: [
    { key: "ch3", number: "第三章", title: "主要任务" },
    { key: "ch3/1", number: "（一）", title: "推进支付方式改革" },
  ],
  items: [{ key: "专栏1/1", number: "1.", title: "医保电子凭证推广" }],
};

describe("plan revisions", () => {
  it("reads the drafting stage and the title without it", () => {
    expect(draftStageOf("青阳县“十四五”医疗保障事业发展规划（征求意见稿）")).toBe("征求意见稿");
    expect(draftStageOf("某规划(修订稿)")).toBe("修订稿");
    expect(draftStageOf("某规划（正式稿）")).toBeNull();
    expect(draftStageOf("某规划")).toBeNull();
    expect(baseTitle("青阳县“十四五”医疗保障事业发展规划（征求意见稿）")).toBe(
      "青阳县“十四五”医疗保障事业发展规划",
    );
    expect(baseTitle("某规划 (送审稿) ")).toBe("某规划");
    // A stage word inside the title is not a mark.
    expect(baseTitle("关于征求意见稿的说明")).toBe("关于征求意见稿的说明");
  });

  it("an identical text is unchanged", () => {
    expect(isUnchanged(diffPlan(stored, stored))).toBe(true);
  });

  it("lists changed targets, added and removed indicators, tasks and items, and metadata", () => {
    const next: PlanSnapshot = {
      ...stored,
      plan: {
        ...stored.plan,
        title: "青阳县“十四五”医疗保障事业发展规划",
        documentNumber: "青医保〔2022〕3号",
      },
      indicators: [
        { ...stored.indicators[0]!, targetText: "≥97%" },
        {
          key: "信息/凭证",
          name: "医保电子凭证激活率",
          unit: "%",
          baselineText: "20",
          targetText: "≥60%",
          attribute: "expected",
        },
      ],
      tasks: [stored.tasks[0]!, { key: "ch3/1", number: "（一）", title: "深化支付方式改革" }],
      items: [],
    };
    const d = diffPlan(stored, next);
    expect(isUnchanged(d)).toBe(false);
    expect(d.plan.map((f) => [f.label, f.before, f.after])).toEqual([
      ["规划名称", "青阳县“十四五”医疗保障事业发展规划（征求意见稿）", "青阳县“十四五”医疗保障事业发展规划"],
      ["文号", "—", "青医保〔2022〕3号"],
    ]);
    expect(d.indicators).toEqual([
      {
        key: "参保/参保率",
        name: "基本医疗保险参保率",
        change: "changed",
        fields: [{ field: "targetText", label: "目标值", before: "≥96%", after: "≥97%" }],
      },
      { key: "信息/凭证", name: "医保电子凭证激活率", change: "added", fields: [] },
      { key: "支付/DRG", name: "DRG/DIP付费占比", change: "removed", fields: [] },
    ]);
    expect(d.tasks).toEqual([
      {
        key: "ch3/1",
        name: "（一）深化支付方式改革",
        change: "changed",
        fields: [{ field: "title", label: "标题", before: "推进支付方式改革", after: "深化支付方式改革" }],
      },
    ]);
    expect(d.items.map((i) => [i.name, i.change])).toEqual([["1.医保电子凭证推广", "removed"]]);
  });
});
