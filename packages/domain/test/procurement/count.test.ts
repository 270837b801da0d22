import { Result } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Batch,
  countVarieties,
  indexProcurementData,
  nationalConsumableBatches,
  nationalDrugBatches,
  varietyKey,
  yearEnd,
} from "../../src/procurement/index.ts";
import { data, drug, impl, index, listedDrugBatch } from "./helpers.ts";

const HUBEI = "420000";
const HUANGSHI = "420200";
const HENAN = "410000";

describe("national drug batches 1–3: the 2020 baseline of 112", () => {
  // Hubei joined batch 1 through the extension (扩围); batches 2 and 3 were implemented in 2020.
  const implementations = [
    impl("national-drug-01-ext", HUBEI, "2019-12-01"),
    impl("national-drug-02", HUBEI, "2020-04-01"),
    impl("national-drug-03", HUBEI, "2020-11-01"),
  ];

  it("counts 25 + 32 + 55 = 112 in the province and in its city", () => {
    const ix = index(nationalDrugBatches, implementations);
    const province = countVarieties(ix, HUBEI, "drug", yearEnd(2020));
    expect(province.value).toBe(112);
    const city = countVarieties(ix, HUANGSHI, "drug", yearEnd(2020));
    expect(city.value).toBe(112);
    expect(city.contributions.map((c) => [c.batchId, c.implementedBy, c.added])).toEqual([
      ["national-drug-01-ext", HUBEI, 25],
      ["national-drug-02", HUBEI, 32],
      ["national-drug-03", HUBEI, 55],
    ]);
  });

  it("does not add the extension to batch 1 where both were implemented", () => {
    const ix = index(nationalDrugBatches, [
      impl("national-drug-01", HUBEI, "2019-04-01"),
      ...implementations,
    ]);
    const c = countVarieties(ix, HUBEI, "drug", yearEnd(2020));
    expect(c.value).toBe(112);
    const ext = c.contributions.find((x) => x.batchId === "national-drug-01-ext")!;
    expect(ext).toMatchObject({ added: 0, alreadyCounted: 25, retenderOf: "national-drug-01" });
  });

  it("marks the result as an estimate because the national lists are count-only", () => {
    const c = countVarieties(index(nationalDrugBatches, implementations), HUBEI, "drug", yearEnd(2020));
    expect(c.estimated).toBe(true);
    expect(c.countOnlyTotal).toBe(112);
    expect(c.listedDistinct).toBe(0);
    expect(c.contributions.every((x) => x.countOnly)).toBe(true);
  });

  it("reaches the official running totals when all batches are implemented (218 after 5, 374 after 9)", () => {
    const all = nationalDrugBatches.map((b) => impl(b.id, HUBEI, "2025-11-30"));
    const ix = index(nationalDrugBatches, all);
    const upTo = (n: number) =>
      index(
        nationalDrugBatches,
        all.filter((i) => Number(i.batchId.slice(14, 16)) <= n),
      );
    expect(countVarieties(upTo(5), HUBEI, "drug", yearEnd(2025)).value).toBe(218);
    expect(countVarieties(upTo(9), HUBEI, "drug", yearEnd(2025)).value).toBe(374);
    // 436 by sum, where NHSA reports 435 after batch 10: the lists are needed to settle it.
    expect(countVarieties(ix, HUBEI, "drug", yearEnd(2025)).value).toBe(491);
  });
});

describe("cut-off on 31 December", () => {
  const batches = nationalDrugBatches;
  it("counts a batch implemented on 31 December in that year", () => {
    const ix = index(batches, [impl("national-drug-03", HENAN, "2020-12-31")]);
    expect(countVarieties(ix, HENAN, "drug", yearEnd(2020)).value).toBe(55);
  });
  it("counts a batch implemented on 1 January only from that year", () => {
    const ix = index(batches, [
      impl("national-drug-02", HENAN, "2020-04-01"),
      impl("national-drug-03", HENAN, "2021-01-01"),
    ]);
    expect(countVarieties(ix, HENAN, "drug", yearEnd(2020)).value).toBe(32);
    expect(countVarieties(ix, HENAN, "drug", yearEnd(2021)).value).toBe(87);
  });
  it("uses the earliest record when the province and the city both implemented a batch", () => {
    const ix = index(batches, [
      impl("national-drug-02", HUANGSHI, "2020-05-01"),
      impl("national-drug-02", HUBEI, "2021-03-01"),
    ]);
    const c = countVarieties(ix, HUANGSHI, "drug", yearEnd(2020));
    expect(c.value).toBe(32);
    expect(c.contributions).toHaveLength(1);
    expect(c.contributions[0]!.implementedBy).toBe(HUANGSHI);
    // The province itself had not implemented it in 2020.
    expect(countVarieties(ix, HUBEI, "drug", yearEnd(2020)).value).toBe(0);
  });
});

describe("de-duplication across national and provincial batches", () => {
  const national = listedDrugBatch("n", "national", [
    drug("阿托伐他汀钙", "oralImmediate", "片"),
    drug("奥美拉唑", "oralImmediate", "肠溶胶囊"),
    drug("左氧氟沙星", "injection", "注射液"),
  ]);
  const provincial = listedDrugBatch(
    "p",
    "provincial",
    [
      drug("阿托伐他汀钙", "oralImmediate", "胶囊"), // same variety: tablet and capsule share 口服常释剂型
      drug("奥美拉唑", "injection", "注射用"), // different variety: injection
      drug("左氧氟沙星", "injection", "注射剂"), // same variety
      drug("二甲双胍", "oralModified", "缓释片"),
    ],
    [HUBEI],
  );
  const ix = index([national, provincial], [impl("n", HUBEI, "2021-03-01"), impl("p", HUBEI, "2021-06-01")]);

  it("counts a variety in both batches once", () => {
    const c = countVarieties(ix, HUBEI, "drug", yearEnd(2021));
    expect(c.value).toBe(5);
    expect(c.estimated).toBe(false);
    const p = c.contributions.find((x) => x.batchId === "p")!;
    expect(p.added).toBe(2);
    expect(p.alreadyCounted).toBe(2);
    expect(p.addedVarieties).toEqual(["奥美拉唑（注射剂）", "二甲双胍（缓释控释剂型）"]);
  });

  it("treats names with full-width characters and spaces as the same variety", () => {
    const a = drug("阿托伐他汀钙", "oralImmediate");
    const b = drug(" 阿托伐他汀钙 ", "oralImmediate");
    const c = drug("(S)-氨氯地平", "oralImmediate");
    const d = drug("（Ｓ）－氨氯地平", "oralImmediate");
    expect(varietyKey(a)).toBe(varietyKey(b));
    expect(varietyKey(c)).toBe(varietyKey(d));
  });

  it("does not give Hubei's provincial batch to Henan", () => {
    const ix2 = index(
      [national, provincial],
      [impl("n", HENAN, "2021-03-01"), impl("p", HUBEI, "2021-06-01")],
    );
    expect(countVarieties(ix2, HENAN, "drug", yearEnd(2021)).value).toBe(3);
  });

  it("adds a count-only batch's count without de-duplicating it, flagged as an estimate", () => {
    const countOnly: Batch = {
      ...listedDrugBatch("c", "alliance", [], [HUBEI, HENAN]),
      varieties: { kind: "countOnly", count: 7 },
    };
    const ix3 = index(
      [national, provincial, countOnly],
      [impl("n", HUBEI, "2021-03-01"), impl("p", HUBEI, "2021-06-01"), impl("c", HUBEI, "2021-09-01")],
    );
    const c = countVarieties(ix3, HUBEI, "drug", yearEnd(2021));
    expect(c).toMatchObject({ value: 12, listedDistinct: 5, countOnlyTotal: 7, estimated: true });
  });

  it("resolves a count-only extension of a listed batch to its list", () => {
    const ext: Batch = {
      ...listedDrugBatch("n-ext", "national", []),
      varieties: { kind: "countOnly", count: 3 },
      retenderOf: "n",
    };
    const ix4 = index(
      [national, provincial, ext],
      [impl("n-ext", HENAN, "2021-09-01"), impl("p", HUBEI, "2021-06-01")],
    );
    const henan = countVarieties(ix4, HENAN, "drug", yearEnd(2021));
    expect(henan).toMatchObject({ value: 3, estimated: false });
  });
});

describe("high-value consumable classes", () => {
  it("counts the nine national classes once all six batches are implemented, one per year before", () => {
    const all = nationalConsumableBatches.map((b) =>
      impl(b.id, "340000", b.announced.length === 7 ? `${b.announced}-28` : b.announced),
    );
    const ix = index(nationalConsumableBatches, all);
    const series = [2020, 2021, 2022, 2023, 2024, 2025, 2026].map(
      (y) => countVarieties(ix, "341723", "highValueConsumable", yearEnd(y)).value,
    );
    expect(series).toEqual([1, 2, 3, 5, 7, 7, 9]);
  });

  it("merges a provincial class with the same national class (trailing 类 ignored)", () => {
    const anhui: Batch = {
      ...listedDrugBatch("anhui-hvc", "provincial", [], ["340000"]),
      category: "highValueConsumable",
      varieties: {
        kind: "listed",
        items: ["冠脉支架", "骨科脊柱", "人工晶体类", "吻合器"].map((productClass) => ({
          kind: "consumable" as const,
          productClass,
          priceCutPct: null,
          note: null,
        })),
      },
    };
    const ix = index(
      [...nationalConsumableBatches, anhui],
      [
        impl("anhui-hvc", "340000", "2020-06-01"),
        impl("national-hvc-01", "340000", "2021-01-01"),
        impl("national-hvc-03", "340000", "2023-01-01"),
        impl("national-hvc-04", "340000", "2024-04-01"),
      ],
    );
    // Qingyang's 2020 baseline of 4 classes comes from Anhui's own rounds.
    expect(countVarieties(ix, "341723", "highValueConsumable", yearEnd(2020)).value).toBe(4);
    // National stents, spine and lenses add nothing new; sports medicine adds one.
    expect(countVarieties(ix, "341723", "highValueConsumable", yearEnd(2024)).value).toBe(5);
    // Drug counting ignores consumable batches.
    expect(countVarieties(ix, "341723", "drug", yearEnd(2024)).value).toBe(0);
  });
});

describe("inconsistent data is a typed failure", () => {
  it("reports an implementation of an unknown batch and a retender cycle together", () => {
    const a: Batch = {
      ...listedDrugBatch("a", "national", []),
      varieties: { kind: "countOnly", count: 1 },
      retenderOf: "b",
    };
    const b: Batch = {
      ...listedDrugBatch("b", "national", []),
      varieties: { kind: "countOnly", count: 1 },
      retenderOf: "a",
    };
    const r = indexProcurementData(data([a, b], [impl("zzz", HUBEI, "2021-01-01")]));
    expect(Result.isFailure(r)).toBe(true);
    if (Result.isFailure(r)) {
      expect(r.failure._tag).toBe("ProcurementDataError");
      expect(r.failure.problems.map((p) => p.kind).sort()).toEqual(["retenderCycle", "unknownBatch"]);
      expect(r.failure.message).toContain("不存在的批次“zzz”");
    }
  });

  it("rejects a retender whose origin is missing or of another category", () => {
    const ext: Batch = {
      ...listedDrugBatch("x", "national", []),
      varieties: { kind: "countOnly", count: 1 },
      retenderOf: "nope",
    };
    const hvc: Batch = { ...nationalConsumableBatches[0]!, id: "h" };
    const ext2: Batch = { ...ext, id: "y", retenderOf: "h" };
    const r = indexProcurementData(data([ext, hvc, ext2], []));
    expect(Result.isFailure(r) && r.failure.problems.map((p) => p.kind).sort()).toEqual([
      "retenderCategoryMismatch",
      "unknownRetenderOrigin",
    ]);
  });
});

describe("properties", () => {
  const names = [
    "阿莫西林",
    "头孢呋辛酯",
    "氨氯地平",
    "二甲双胍",
    "奥美拉唑",
    "恩替卡韦",
    "布洛芬",
    "氯吡格雷",
  ];
  const groups = ["oralImmediate", "injection", "oralModified"] as const;
  const varietyArb = fc.record({ n: fc.constantFrom(...names), g: fc.constantFrom(...groups) });
  const batchesArb = fc.array(
    fc.record({
      items: fc.array(varietyArb, { maxLength: 8 }),
      at: fc.constantFrom(HUBEI, HUANGSHI),
      day: fc.integer({ min: 0, max: 1500 }),
    }),
    { minLength: 1, maxLength: 8 },
  );
  const build = (spec: { items: { n: string; g: (typeof groups)[number] }[]; at: string; day: number }[]) => {
    const batches = spec.map((s, i) =>
      listedDrugBatch(
        `b${i}`,
        "provincial",
        s.items.map((v) => drug(v.n, v.g)),
        [HUBEI],
      ),
    );
    const impls = spec.map((s, i) =>
      impl(`b${i}`, s.at, new Date(Date.UTC(2020, 0, 1) + s.day * 86_400_000).toISOString().slice(0, 10)),
    );
    return { batches, impls };
  };

  it("equals the size of the union of variety keys implemented by the cut-off", () => {
    fc.assert(
      fc.property(batchesArb, fc.integer({ min: 2019, max: 2024 }), (spec, year) => {
        const { batches, impls } = build(spec);
        const expected = new Set<string>();
        impls.forEach((im, i) => {
          if (im.startDate <= yearEnd(year))
            for (const v of spec[i]!.items) expected.add(varietyKey(drug(v.n, v.g)));
        });
        expect(countVarieties(index(batches, impls), HUANGSHI, "drug", yearEnd(year)).value).toBe(
          expected.size,
        );
      }),
    );
  });

  it("never decreases from one year to the next and ignores record order", () => {
    fc.assert(
      fc.property(batchesArb, (spec) => {
        const { batches, impls } = build(spec);
        const ix = index(batches, impls);
        const reversed = index(batches, [...impls].reverse());
        let prev = 0;
        for (let y = 2019; y <= 2024; y++) {
          const v = countVarieties(ix, HUANGSHI, "drug", yearEnd(y)).value;
          expect(v).toBeGreaterThanOrEqual(prev);
          expect(countVarieties(reversed, HUANGSHI, "drug", yearEnd(y)).value).toBe(v);
          prev = v;
        }
      }),
    );
  });
});
