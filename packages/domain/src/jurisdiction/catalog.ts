import type { Jurisdiction } from "./schema.ts";

/**
 * The jurisdictions of the five sample plans and their parents, with real GB/T 2260 codes.
 * Ordered parents first so it can be inserted as is.
 */
export const sampleJurisdictions: readonly Jurisdiction[] = [
  { code: "420000", name: "湖北省", level: "province", parentCode: null },
  { code: "420200", name: "黄石市", level: "city", parentCode: "420000" },
  { code: "410000", name: "河南省", level: "province", parentCode: null },
  { code: "411300", name: "南阳市", level: "city", parentCode: "410000" },
  { code: "440000", name: "广东省", level: "province", parentCode: null },
  { code: "440700", name: "江门市", level: "city", parentCode: "440000" },
  { code: "440784", name: "鹤山市", level: "county", parentCode: "440700" },
  { code: "430000", name: "湖南省", level: "province", parentCode: null },
  { code: "340000", name: "安徽省", level: "province", parentCode: null },
  { code: "341700", name: "池州市", level: "city", parentCode: "340000" },
  { code: "341723", name: "青阳县", level: "county", parentCode: "341700" },
];
