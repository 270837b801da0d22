import type { Jurisdiction } from "../jurisdiction/schema.ts";
import type { Rng } from "./prng.ts";

/** The 31 provincial-level divisions of the mainland, with their GB/T 2260 codes. */
export const PROVINCES: readonly (readonly [string, string])[] = [
  ["110000", "北京市"],
  ["120000", "天津市"],
  ["130000", "河北省"],
  ["140000", "山西省"],
  ["150000", "内蒙古自治区"],
  ["210000", "辽宁省"],
  ["220000", "吉林省"],
  ["230000", "黑龙江省"],
  ["310000", "上海市"],
  ["320000", "江苏省"],
  ["330000", "浙江省"],
  ["340000", "安徽省"],
  ["350000", "福建省"],
  ["360000", "江西省"],
  ["370000", "山东省"],
  ["410000", "河南省"],
  ["420000", "湖北省"],
  ["430000", "湖南省"],
  ["440000", "广东省"],
  ["450000", "广西壮族自治区"],
  ["460000", "海南省"],
  ["500000", "重庆市"],
  ["510000", "四川省"],
  ["520000", "贵州省"],
  ["530000", "云南省"],
  ["540000", "西藏自治区"],
  ["610000", "陕西省"],
  ["620000", "甘肃省"],
  ["630000", "青海省"],
  ["640000", "宁夏回族自治区"],
  ["650000", "新疆维吾尔自治区"],
];

/** Most cities one province can hold (codes PP01–PP70). */
export const MAX_CITIES_PER_PROVINCE = 70;
/** Most counties one city can hold: districts 02–20, counties 21–80, county-level cities 81–99. */
export const MAX_COUNTIES_PER_CITY = 97;

const SYLLABLES = [..."安宁平昌丰阳江山河清云临泉兴德华南北东西新长永和康远明源城林石桥岭湖川溪台庆嘉武定"];

/** Splits `total` into `parts` counts, each at least `min` and at most `max`, by random weights. */
function allocate(rng: Rng, total: number, parts: number, min: number, max: number): number[] {
  const counts = new Array<number>(parts).fill(min);
  let left = total - min * parts;
  const weights = counts.map(() => 0.4 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < parts && left > 0; i++) {
    const share = Math.min(max - counts[i]!, Math.floor(((total - min * parts) * weights[i]!) / sum), left);
    counts[i]! += share;
    left -= share;
  }
  // Whatever rounding left over goes round-robin to those with room.
  for (let i = 0; left > 0; i = (i + 1) % parts) {
    if (counts[i]! < max) {
      counts[i]! += 1;
      left -= 1;
    }
  }
  return counts;
}

function uniqueName(rng: Rng, used: Set<string>, suffix: string): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const name = `${rng.pick(SYLLABLES)}${rng.pick(SYLLABLES)}${used.size}${suffix}`;
  used.add(name);
  return name;
}

/** The county-level suffix of code `n` (0-based) under a city: districts, then counties, then cities. */
function countyCode(cityCode: string, n: number, districts: number): { code: string; suffix: string } {
  const prefix = cityCode.slice(0, 4);
  if (n < districts) return { code: `${prefix}${String(2 + n).padStart(2, "0")}`, suffix: "区" };
  const k = n - districts;
  if (k < 60) return { code: `${prefix}${String(21 + k).padStart(2, "0")}`, suffix: "县" };
  return { code: `${prefix}${String(81 + k - 60).padStart(2, "0")}`, suffix: "市" };
}

/**
 * A province → city → county tree with plausible codes: province PP0000, city PPCC00, county
 * PPCCNN (districts 02–20, counties 21–80, county-level cities 81–99). Parents come first.
 */
export function buildTree(rng: Rng, provinces: number, cities: number, counties: number): Jurisdiction[] {
  const out: Jurisdiction[] = [];
  const cityCounts = allocate(rng, cities, provinces, 1, MAX_CITIES_PER_PROVINCE);
  const countyCounts = allocate(rng, counties, cities, 0, MAX_COUNTIES_PER_CITY);
  let cityIndex = 0;
  for (let p = 0; p < provinces; p++) {
    const [pCode, pName] = PROVINCES[p]!;
    out.push({ code: pCode, name: pName, level: "province", parentCode: null });
    const cityNames = new Set<string>();
    for (let c = 0; c < cityCounts[p]!; c++) {
      const cCode = `${pCode.slice(0, 2)}${String(c + 1).padStart(2, "0")}00`;
      out.push({ code: cCode, name: uniqueName(rng, cityNames, "市"), level: "city", parentCode: pCode });
      const n = countyCounts[cityIndex++]!;
      // 19 district codes + 60 county codes + 19 county-level-city codes hold the 97 allowed.
      let districts = Math.min(19, Math.max(1, Math.round(n * rng.between(0.2, 0.4))));
      districts = Math.max(districts, n - 60 - 19);
      const countyNames = new Set<string>();
      for (let k = 0; k < n; k++) {
        const { code, suffix } = countyCode(cCode, k, Math.min(districts, n));
        out.push({ code, name: uniqueName(rng, countyNames, suffix), level: "county", parentCode: cCode });
      }
    }
  }
  return out;
}
