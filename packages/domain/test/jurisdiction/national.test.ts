import { describe, expect, it } from "vitest";
import {
  checkMove,
  checkNewJurisdiction,
  checkRetire,
  type Jurisdiction,
  levelOfCode,
  nationalJurisdictions,
  referenceJurisdictions,
  sampleJurisdictions,
} from "../../src/jurisdiction/index.ts";

const provinces = nationalJurisdictions.filter((j) => j.level === "province");
const prefectures = nationalJurisdictions.filter((j) => j.level === "city");

describe("national GB/T 2260 reference list", () => {
  it("has the 31 mainland provincial-level divisions and 333 prefecture-level units", () => {
    expect(provinces).toHaveLength(31);
    expect(prefectures).toHaveLength(333);
    // 293 地级市, 30 自治州, 7 地区, 3 盟 (民政部 statistics since 2019).
    expect(prefectures.filter((p) => p.name.endsWith("自治州"))).toHaveLength(30);
    expect(prefectures.filter((p) => p.name.endsWith("地区"))).toHaveLength(7);
    expect(prefectures.filter((p) => p.name.endsWith("盟"))).toHaveLength(3);
    expect(prefectures.filter((p) => p.name.endsWith("市"))).toHaveLength(293);
  });

  it("per-province counts match the published ones", () => {
    const perProvince = new Map(provinces.map((p) => [p.name, 0]));
    for (const c of prefectures) {
      const p = provinces.find((x) => x.code === c.parentCode)!;
      perProvince.set(p.name, perProvince.get(p.name)! + 1);
    }
    expect(Object.fromEntries(perProvince)).toMatchObject({
      北京市: 0,
      上海市: 0,
      天津市: 0,
      重庆市: 0,
      广东省: 21,
      四川省: 21,
      河南省: 17,
      安徽省: 16,
      山东省: 16,
      云南省: 16,
      湖北省: 13,
      湖南省: 14,
      海南省: 4,
      西藏自治区: 7,
      宁夏回族自治区: 5,
      新疆维吾尔自治区: 14,
      内蒙古自治区: 12,
      青海省: 8,
      吉林省: 9,
      贵州省: 9,
    });
  });

  it("codes are unique, well formed, parents first, and every unit passes the creation rules", () => {
    const seen = new Map<string, Jurisdiction>();
    for (const j of nationalJurisdictions) {
      expect(levelOfCode(j.code)).toBe(j.level);
      const siblings = [...seen.values()].filter((s) => s.parentCode === j.parentCode).map((s) => s.name);
      expect(checkNewJurisdiction(j, { byCode: (c) => seen.get(c), siblingNames: siblings })).toEqual([]);
      seen.set(j.code, j);
    }
    expect(seen.size).toBe(364);
  });

  it("agrees with the sample places and adds their counties", () => {
    for (const s of sampleJurisdictions) {
      expect(referenceJurisdictions.find((r) => r.code === s.code)).toEqual(s);
    }
    expect(referenceJurisdictions).toHaveLength(366);
  });
});

describe("jurisdiction rules", () => {
  const byCode = new Map(referenceJurisdictions.map((j) => [j.code, j]));
  const lookup = (extra: { retired?: string } = {}) => ({
    byCode: (c: string) => {
      const j = byCode.get(c);
      return j && { ...j, retired: c === extra.retired };
    },
    siblingNames: [] as string[],
  });

  it("accepts a county under its city", () => {
    const 石台县 = { code: "341722", name: "石台县", level: "county", parentCode: "341700" } as const;
    expect(checkNewJurisdiction(石台县, lookup())).toEqual([]);
    // A province-administered county-level city (仙桃市 under 湖北省).
    expect(
      checkNewJurisdiction(
        { code: "429004", name: "仙桃市", level: "county", parentCode: "420000" },
        lookup(),
      ),
    ).toEqual([]);
  });

  it("refuses bad codes, wrong levels, foreign prefixes and duplicates, naming the field", () => {
    const msgs = (j: Jurisdiction, l = lookup()) =>
      checkNewJurisdiction(j, l).map((p) => `${p.path[0]} ${p.message}`);
    expect(msgs({ code: "341723", name: "青阳县", level: "county", parentCode: "341700" })).toEqual([
      "code 行政区划代码：“341723”已被青阳县使用",
    ]);
    expect(msgs({ code: "341700", name: "某县", level: "county", parentCode: "341700" })).toEqual([
      "code 行政区划代码：县级代码后两位不能为00",
      "code 行政区划代码：“341700”已被池州市使用",
    ]);
    expect(msgs({ code: "342201", name: "某县", level: "county", parentCode: "341700" })).toEqual([
      "code 行政区划代码：应以上级池州市的代码前4位“3417”开头",
    ]);
    expect(msgs({ code: "341799", name: "某县", level: "county", parentCode: "340000" })).toEqual([]);
    expect(msgs({ code: "341900", name: "某市", level: "city", parentCode: "341700" })).toEqual([
      "parentCode 上级行政区划：市级行政区划的上级须为省级",
    ]);
    expect(msgs({ code: "990000", name: "某省", level: "province", parentCode: "340000" })).toEqual([
      "parentCode 上级行政区划：省级行政区划的上级只能是全国",
    ]);
    expect(msgs({ code: "341799", name: "某县", level: "county", parentCode: "349999" })).toEqual([
      "parentCode 上级行政区划：“349999”不存在",
    ]);
    expect(
      msgs(
        { code: "341798", name: "某县", level: "county", parentCode: "341700" },
        lookup({ retired: "341700" }),
      ),
    ).toEqual(["parentCode 上级行政区划：池州市已撤销，不能在其下新增"]);
    expect(
      checkNewJurisdiction(
        { code: "341798", name: "石台县", level: "county", parentCode: "341700" },
        { byCode: (c) => byCode.get(c), siblingNames: ["石台县"] },
      ).map((p) => p.message),
    ).toEqual(["名称：同一上级下已有“石台县”"]);
  });

  it("moves keep the level rule and refuse retired targets; retiring needs no active children", () => {
    const 青阳县 = byCode.get("341723")!;
    expect(checkMove(青阳县, byCode.get("340800")!, [])).toEqual([]);
    expect(checkMove(青阳县, null, []).map((p) => p.message)).toEqual([
      "上级行政区划：县级行政区划的上级须为市级或省级",
    ]);
    expect(checkMove(青阳县, { ...byCode.get("340800")!, retired: true }, []).map((p) => p.message)).toEqual([
      "上级行政区划：安庆市已撤销，不能迁入",
    ]);
    expect(checkMove(青阳县, byCode.get("341700")!, []).map((p) => p.message)).toEqual([
      "上级行政区划：与原上级相同",
    ]);
    expect(checkRetire([])).toEqual([]);
    expect(checkRetire([青阳县]).map((p) => p.message)).toEqual([
      "行政区划代码：其下仍有未撤销的行政区划（青阳县），请先迁移或撤销",
    ]);
  });
});
