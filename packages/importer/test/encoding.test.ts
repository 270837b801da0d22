import { readSamplePlan } from "@ybplan/samples";
import { Effect } from "effect";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, importPlanDocument } from "../src/index.ts";
import { hunan } from "./golden/hunan.ts";
import { qingyang } from "./golden/qingyang.ts";
import { expectIndicatorTable } from "./support/golden.ts";

const run = (bytes: Uint8Array, fileName: string) =>
  Effect.runPromise(importPlanDocument({ bytes, fileName }));

describe("text encodings", () => {
  it("GBK-encoded input (as Chinese Windows tools save it) imports like UTF-8", async () => {
    const text = readSamplePlan("anhui-qingyang-county");
    const gbk = new Uint8Array(iconv.encode(text, "gbk"));
    // really not UTF-8
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    const doc = await run(gbk, "qingyang.txt");
    expect(doc.source?.encoding).toBe("gb18030");
    expect(doc.plan.title).toBe(qingyang.plan.title);
    expectIndicatorTable(doc, qingyang);
  });

  it("GB18030 covers the traditional characters of Hunan's plan", async () => {
    const bytes = new Uint8Array(iconv.encode(readSamplePlan("hunan-province"), "gb18030"));
    const doc = await run(bytes, "hunan.txt");
    expectIndicatorTable(doc, hunan);
  });

  it("UTF-8 with a BOM, and UTF-16 LE/BE with a BOM", async () => {
    const text = readSamplePlan("anhui-qingyang-county");
    const utf8 = new TextEncoder().encode(text);
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, "utf16le")]);
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(text, "utf16be")]);
    for (const [bytes, encoding] of [
      [utf8, "utf-8"],
      [bom8, "utf-8-bom"],
      [le, "utf-16le"],
      [be, "utf-16be"],
    ] as const) {
      const doc = await run(bytes, "qingyang.md");
      expect(doc.source?.encoding).toBe(encoding);
      expect(doc.plan.title).toBe("青阳县“十四五”医疗保障事业发展规划纲要");
      expectIndicatorTable(doc, qingyang);
    }
  });

  it("decodeText does not turn undecodable bytes into mojibake", () => {
    // 0x80 0xFF is invalid in UTF-8 and in GB18030
    const bad = new Uint8Array(Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 0x80 : 0xff)));
    const r = decodeText(bad);
    expect(r._tag).toBe("Failure");
  });
});
