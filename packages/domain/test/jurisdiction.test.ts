import { describe, expect, it } from "vitest";
import {
  ancestorCodes,
  isWithin,
  Jurisdiction,
  sampleJurisdictions,
  subtreeCodes,
} from "../src/jurisdiction/index.ts";

describe("sample jurisdictions", () => {
  it("are valid and have their parents listed before them", () => {
    const seen = new Set<string>();
    for (const j of sampleJurisdictions) {
      expect(Jurisdiction.parse(j)).toEqual(j);
      if (j.parentCode !== null) expect(seen.has(j.parentCode)).toBe(true);
      seen.add(j.code);
    }
  });

  it("walks 安徽省 → 池州市 → 青阳县", () => {
    expect(ancestorCodes(sampleJurisdictions, "341723")).toEqual(["341700", "340000"]);
    expect([...subtreeCodes(sampleJurisdictions, "340000")].sort()).toEqual(["340000", "341700", "341723"]);
  });

  it("keeps 黄石市's scope away from 南阳市", () => {
    expect(isWithin(sampleJurisdictions, "420200", "420200")).toBe(true);
    expect(isWithin(sampleJurisdictions, "411300", "420200")).toBe(false);
    expect(isWithin(sampleJurisdictions, "420200", "420000")).toBe(true);
  });

  it("rejects a code that is not six digits", () => {
    expect(Jurisdiction.safeParse({ code: "4202", name: "x", level: "city", parentCode: null }).success).toBe(
      false,
    );
  });
});
