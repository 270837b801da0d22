import { readSamplePlan } from "@ybplan/samples";
import { Effect, Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  ImportError,
  importPlanBytes,
  importPlanDocument,
  importPlanFile,
  importPlanText,
  MAX_INPUT_BYTES,
} from "../src/index.ts";
import { buildDocx } from "./support/build-docx.ts";

async function failure(bytes: Uint8Array, fileName: string): Promise<ImportError> {
  const r = await Effect.runPromise(Effect.result(importPlanDocument({ bytes, fileName })));
  if (Result.isSuccess(r)) throw new Error("expected the import to fail");
  return r.failure;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("bad input gives a clear, typed error", () => {
  it("empty file and whitespace-only file", async () => {
    expect((await failure(new Uint8Array(), "plan.txt")).reason).toBe("Empty");
    const ws = await failure(utf8(" \n\t\r\n　\n"), "plan.txt");
    expect(ws.reason).toBe("Empty");
    expect(ws.message).toBe("文件为空，没有可导入的内容");
    expect(ws._tag).toBe("ImportError");
  });

  it("binary data", async () => {
    const random = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < random.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      random[i] = x & 0xff;
    }
    expect((await failure(random, "plan.txt")).reason).toBe("Binary");
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const e = await failure(png, "plan.txt");
    expect(e.reason).toBe("Binary");
    expect(e.message).toContain("图片");
  });

  it("truncated .docx (a download cut off half way) and a .docx that is not a zip", async () => {
    const full = await buildDocx(readSamplePlan("anhui-qingyang-county"));
    for (const size of [Math.floor(full.length / 2), full.length - 30, 100]) {
      const e = await failure(full.subarray(0, size), "plan.docx");
      expect(e.reason).toBe("Truncated");
      expect(e.message).toContain("损坏");
    }
    expect((await failure(utf8("这不是 Word 文件"), "plan.docx")).reason).toBe("Truncated");
  });

  it("a corrupt .docx whose zip directory survives but whose content does not", async () => {
    const full = await buildDocx(readSamplePlan("anhui-qingyang-county"));
    const broken = new Uint8Array(full);
    // overwrite the compressed data after the first local header, keep the central directory
    for (let i = 200; i < Math.floor(broken.length * 0.6); i++) broken[i] = 0;
    const e = await failure(broken, "plan.docx");
    expect(["Truncated", "UnsupportedFormat"]).toContain(e.reason);
  });

  it("huge input is refused before it is read", async () => {
    const huge = new Uint8Array(MAX_INPUT_BYTES + 1);
    // Only the length may be asked: reading any byte would throw a different error.
    const read: PropertyKey[] = [];
    const guarded = new Proxy(huge, {
      get(target, key) {
        if (key !== "length" && key !== "byteLength") read.push(key);
        return Reflect.get(target, key);
      },
    });
    const e = await failure(guarded, "plan.txt");
    expect(e.reason).toBe("TooLarge");
    expect(e.message).toContain("20 MB");
    expect(read).toEqual([]);
  });

  it("unsupported formats: legacy .doc, PDF, unknown extension", async () => {
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const e1 = await failure(doc, "plan.doc");
    expect(e1.reason).toBe("UnsupportedFormat");
    expect(e1.message).toContain(".docx");
    expect((await failure(utf8("%PDF-1.7\n..."), "plan.pdf")).reason).toBe("UnsupportedFormat");
    expect((await failure(utf8("a,b,c"), "plan.csv")).reason).toBe("UnsupportedFormat");
  });

  it("text with no plan in it", () => {
    const r = importPlanText("你好，世界。这是一封普通的信，没有规划内容。");
    expect(Result.isFailure(r) && r.failure.reason).toBe("NoPlanContent");
  });

  it("a missing file", async () => {
    const r = await Effect.runPromise(Effect.result(importPlanFile("/nonexistent/plan.txt")));
    expect(Result.isFailure(r) && r.failure.reason).toBe("Unreadable");
  });

  it("the promise form rejects with the ImportError itself (an Error with a Chinese message)", async () => {
    const rejected = await importPlanBytes({ bytes: new Uint8Array(), fileName: "plan.txt" }).catch(
      (e: unknown) => e,
    );
    expect(rejected).toBeInstanceOf(ImportError);
    expect(rejected).toBeInstanceOf(Error);
    expect(rejected).toMatchObject({
      _tag: "ImportError",
      reason: "Empty",
      message: "文件为空，没有可导入的内容",
    });
  });
});
