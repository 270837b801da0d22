import { readFileSync } from "node:fs";
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  Batch,
  indexProcurementData,
  nationalBatches,
  nationalConsumableBatches,
  nationalDrugBatches,
  parseCsv,
} from "../../src/procurement/index.ts";

const csv = Result.getOrThrow(
  parseCsv(readFileSync(new URL("./fixtures/vbp-batches.csv", import.meta.url), "utf8")),
);
const rows = csv.rows.map((r) => Object.fromEntries(csv.header.map((h, i) => [h, r.cells[i] ?? ""])));

describe("shipped national reference batches", () => {
  it("are valid batches with unique ids and a consistent retender chain", () => {
    for (const b of nationalBatches) expect(Batch.parse(b)).toEqual(b);
    expect(new Set(nationalBatches.map((b) => b.id)).size).toBe(nationalBatches.length);
    expect(
      Result.isSuccess(
        indexProcurementData({ batches: nationalBatches, implementations: [], jurisdictions: [] }),
      ),
    ).toBe(true);
  });

  it("match every drug row of vbp-batches.csv (date, count, price cut, source)", () => {
    const drugRows = rows.filter((r) => r.category === "drug");
    expect(drugRows).toHaveLength(nationalDrugBatches.length);
    drugRows.forEach((r, i) => {
      const b = nationalDrugBatches[i]!;
      expect(r.batch!.startsWith(b.name.replace(/（.*$/, ""))).toBe(true);
      expect(b.announced).toBe(r.announced);
      expect(b.varieties).toEqual({ kind: "countOnly", count: Number(r.varieties) });
      expect(b.averagePriceCutPct).toBe(r.avg_price_cut_pct === "" ? null : Number(r.avg_price_cut_pct));
      expect(b.sourceUrl).toBe(r.source_url);
    });
    // Only the extension re-tenders, and it re-tenders batch 1.
    expect(nationalDrugBatches.filter((b) => b.retenderOf !== null).map((b) => [b.id, b.retenderOf])).toEqual(
      [["national-drug-01-ext", "national-drug-01"]],
    );
  });

  it("hold every consumable class of vbp-batches.csv, with its date, price cut and source", () => {
    const consumableRows = rows.filter((r) => r.category === "consumable");
    const classes = nationalConsumableBatches.flatMap((b) =>
      b.varieties.kind === "listed" ? b.varieties.items.map((v) => ({ b, v })) : [],
    );
    expect(classes).toHaveLength(consumableRows.length);
    for (const r of consumableRows) {
      const match = classes.find(
        ({ b, v }) =>
          v.kind === "consumable" && r.batch!.includes(v.productClass) && b.announced === r.announced,
      );
      expect(match, r.batch).toBeDefined();
      expect(match!.v.priceCutPct).toBe(r.avg_price_cut_pct === "" ? null : Number(r.avg_price_cut_pct));
      expect(match!.b.sourceUrl === r.source_url || (match!.b.note ?? "").includes(r.source_url!)).toBe(true);
    }
  });
});
