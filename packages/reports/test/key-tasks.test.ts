import { classifyOutline } from "@ybplan/domain/task";
import { describe, expect, it } from "vitest";
import { samplePlans, sampleReport } from "./sample-plans.ts";

/**
 * The 重点任务 table holds key tasks only. Counts read from the plans themselves:
 * - 黄石市: 第三章 重点任务, four 节 of six numbered tasks each → 24.
 * - 南阳市: chapters 三 to 九 are the task areas, their （一）… items the tasks: 7+4+4+4+5+4+5 → 33.
 * - 鹤山市: 三、重点任务, six sections with 3, 2, 5, 4, 4 and 3 numbered tasks → 21.
 * - 湖南省: 三、主要任务, tasks numbered 1 to 33 across nine sections → 33.
 * - 青阳县: 三、重点任务 （一） has five numbered tasks; （二） and （三） carry their tasks as unnumbered
 *   bold lead sentences (6 and 3), which the importer reads as sub-tasks → 5 + 6 + 3 = 14.
 */
const expected: Record<string, number> = {
  "hubei-huangshi-city": 24,
  "henan-nanyang-city": 33,
  "guangdong-heshan-city": 21,
  "hunan-province": 33,
  "anhui-qingyang-county": 14,
};

const notTasks =
  /指导思想|基本原则|主要目标|发展目标|发展基础|发展成效|面临|机遇|挑战|组织领导|法治保障|宣传|坚持/;

describe.each(samplePlans.map((s) => [s.key, s] as const))("%s: key tasks", (key, sample) => {
  it(`lists the plan's ${expected[key]} key tasks and no background, principle, goal or safeguard`, async () => {
    const { report } = await sampleReport(sample);
    expect(report.tasks.rows.length).toBe(expected[key]);
    expect(report.tasks.counts.total).toBe(expected[key]);
    // 青阳 writes 强化法治保障 as a task of 三（三） 健全医疗保障服务支撑体系, not under 四、保障措施
    const ownTasks = key === "anhui-qingyang-county" ? ["强化法治保障"] : [];
    for (const t of report.tasks.rows) if (!ownTasks.includes(t.title)) expect(t.title).not.toMatch(notTasks);
  });
});

describe("classifyOutline", () => {
  it("takes the chapter's kind, lets 总体要求 name its parts, and keeps everything in a task chapter a task", () => {
    const kinds = classifyOutline([
      { key: "1", parentKey: null, title: "规划背景" },
      { key: "1.1", parentKey: "1", title: "发展基础" },
      { key: "2", parentKey: null, title: "总体要求" },
      { key: "2.1", parentKey: "2", title: "指导思想" },
      { key: "2.2", parentKey: "2", title: "主要目标" },
      { key: "3", parentKey: null, title: "健全多层次医疗保障体系" },
      { key: "3.1", parentKey: "3", title: "完善重大疫情医疗保障机制" },
      { key: "4", parentKey: null, title: "保障措施" },
      { key: "4.1", parentKey: "4", title: "加强组织领导" },
    ]);
    expect(Object.fromEntries(kinds)).toEqual({
      "1": "background",
      "1.1": "background",
      "2": "principle",
      "2.1": "principle",
      "2.2": "goal",
      "3": "keyTask",
      "3.1": "keyTask",
      "4": "safeguard",
      "4.1": "safeguard",
    });
  });
});
