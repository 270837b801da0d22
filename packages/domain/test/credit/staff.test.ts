import { describe, expect, it } from "vitest";
import { StaffScoring, type StaffScoringInput, severityOf, staffStandings } from "../../src/credit/index.ts";

let seq = 0;
const score = (over: Partial<StaffScoringInput>) =>
  StaffScoring.parse({
    id: `s${++seq}`,
    personId: "p1",
    personName: "张某",
    institutionId: "clinic-1",
    points: 1,
    date: "2025-03-01",
    act: "违规收费",
    ...over,
  });

const standing = (scorings: StaffScoring[], asOf: string) => {
  const run = staffStandings(scorings, asOf);
  expect(run.issues).toEqual([]);
  return run.standings.find((s) => s.personId === "p1")!;
};

describe("worked case: a village doctor scored 10, then 4 in the same year", () => {
  const first = score({
    personName: "某村医",
    points: 10,
    date: "2025-04-10",
    act: "虚构医药服务",
    suspensionMonths: 3,
  });
  const second = score({ personName: "某村医", points: 4, date: "2025-08-20", act: "串换药品" });

  it("is suspended after the 10 (≥ 9)", () => {
    const s = standing([first, second], "2025-05-01");
    expect(s.pointsThisYear).toBe(10);
    expect(s.status).toBe("suspended");
    expect(s.statusUntil).toBe("2025-07-10");
  });

  it("is terminated at 14 with a 1-year bar, because the 12 accumulated", () => {
    const s = standing([first, second], "2025-09-01");
    expect(s.pointsThisYear).toBe(14);
    expect(s.status).toBe("terminated");
    const t = s.actions.find((a) => a.kind === "terminate")!;
    expect(t.barYears).toBe(1);
    expect(t.until).toBe("2026-08-20");
    expect(s.reason).toBe("终止：2025年累计记分14分（10+4），达到12分，终止之日起1年内不得再次登记");
  });

  it("may re-register once the bar is over, though the points reset long before", () => {
    const s = standing([first, second], "2026-08-20");
    expect(s.pointsThisYear).toBe(0);
    expect(s.status).toBe("may-reregister");
    expect(standing([first, second], "2026-08-19").status).toBe("terminated");
  });
});

describe("thresholds", () => {
  it.each([
    [[8], "normal"],
    [[9], "suspended"],
    [[5, 4], "suspended"],
    [[11], "suspended"],
    [[6, 6], "terminated"],
    [[12], "terminated"],
  ])("points %j in one year → %s", (points, status) => {
    const scorings = points.map((p, i) => score({ points: p, date: `2025-02-0${i + 1}` }));
    expect(standing(scorings, "2025-02-20").status).toBe(status);
  });

  it("12 in a single scoring bars re-registration for 3 years", () => {
    const s = standing([score({ points: 12, date: "2025-05-05" })], "2025-06-01");
    expect(s.actions[0]!.barYears).toBe(3);
    expect(s.statusUntil).toBe("2028-05-05");
    expect(s.reason).toBe("终止：一次记12分，达到12分，终止之日起3年内不得再次登记");
  });

  it("points reset on 1 January: 8 in December and 8 in January suspend nobody", () => {
    const s = standing(
      [score({ points: 8, date: "2025-12-31" }), score({ points: 8, date: "2026-01-01" })],
      "2026-01-02",
    );
    expect(s.status).toBe("normal");
    expect(s.pointsByYear).toEqual({ "2025": 8, "2026": 8 });
  });

  it("a suspension without a recorded length assumes the minimum and says so", () => {
    const s = standing([score({ points: 9, date: "2025-01-31" })], "2025-02-15");
    expect(s.statusUntil).toBe("2025-02-28");
    expect(s.actions[0]!.decided).toBe(false);
    expect(s.reason).toContain("1–6个月（期限待定）");
    expect(standing([score({ points: 9, date: "2025-01-31" })], "2025-03-01").status).toBe("normal");
  });

  it("a suspension length outside 1–6 months is a typed issue", () => {
    const run = staffStandings([score({ points: 9, suspensionMonths: 7 })], "2025-06-01");
    expect(run.issues.map((i) => i._tag)).toEqual(["InvalidScoring"]);
  });

  it("severity bands name the points of one act", () => {
    expect([1, 3, 4, 6, 7, 9, 10, 12].map((p) => severityOf(p))).toEqual([
      "一般违规",
      "一般违规",
      "较重违规",
      "较重违规",
      "严重违规",
      "严重违规",
      "欺诈骗保等特别严重违规",
      "欺诈骗保等特别严重违规",
    ]);
  });
});

describe("shared across the person's institutions", () => {
  it("points at two institutions add up and the termination applies at every linked institution", () => {
    const s = staffStandings(
      [
        score({ points: 7, institutionId: "hospital-a" }),
        score({ points: 5, institutionId: "pharmacy-b", date: "2025-06-01" }),
      ],
      "2025-07-01",
      undefined,
      [{ personId: "p1", institutionId: "clinic-c" }],
    ).standings[0]!;
    expect(s.status).toBe("terminated");
    expect(s.institutions).toEqual(["clinic-c", "hospital-a", "pharmacy-b"]);
  });

  it("other people are unaffected", () => {
    const run = staffStandings(
      [score({ points: 12 }), score({ personId: "p2", personName: "李某", points: 3 })],
      "2025-06-01",
    );
    expect(run.standings.find((s) => s.personId === "p2")!.status).toBe("normal");
    expect(run.standings.find((s) => s.personId === "p2")!.reason).toBe("本年度已记3分，未达到暂停标准");
  });
});
