import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { pack, unzip, zip } from "../src/render/zip.ts";

/** The ZIP writer the docx and its chart workbooks are packed with, read back by JSZip and by our reader. */
describe("zip", () => {
  const text = "<w:t>规划确定的16项主要指标中，进展顺利5项</w:t>".repeat(200);
  const bytes = new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));

  for (const level of [0, 3, 6]) {
    it(`level ${level}: JSZip and unzip read back every entry, UTF-8 names included`, async () => {
      const data = zip(
        [
          { path: "word/document.xml", data: text },
          { path: "word/embeddings/数据.xlsx", data: bytes },
          pack({ path: "word/styles.xml", data: "<w:styles/>" }, level),
          { path: "empty.txt", data: "" },
        ],
        level,
      );
      const z = await JSZip.loadAsync(data);
      expect(Object.keys(z.files).sort()).toEqual(
        ["empty.txt", "word/document.xml", "word/embeddings/数据.xlsx", "word/styles.xml"].sort(),
      );
      expect(await z.file("word/document.xml")!.async("string")).toBe(text);
      expect(await z.file("word/embeddings/数据.xlsx")!.async("uint8array")).toEqual(bytes);
      expect(await z.file("word/styles.xml")!.async("string")).toBe("<w:styles/>");
      expect(await z.file("empty.txt")!.async("string")).toBe("");
      const back = unzip(data);
      expect(new TextDecoder().decode(back.get("word/document.xml"))).toBe(text);
      expect(back.get("word/embeddings/数据.xlsx")).toEqual(bytes);
      if (level > 0) expect(data.length).toBeLessThan(text.length / 4);
    });
  }

  it("unzip reads a ZIP JSZip wrote", async () => {
    const z = new JSZip();
    z.file("a/b.xml", text);
    z.file("c.bin", bytes);
    const data = await z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const back = unzip(data);
    expect(new TextDecoder().decode(back.get("a/b.xml"))).toBe(text);
    expect(back.get("c.bin")).toEqual(bytes);
  });

  it("refuses what is not a ZIP", () => {
    expect(() => unzip(new TextEncoder().encode("not a zip at all, just some text"))).toThrow("not a ZIP");
  });
});
