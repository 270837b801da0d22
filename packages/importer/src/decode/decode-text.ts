import { Result } from "effect";
import iconv from "iconv-lite";
import { type ImportError, importError } from "../errors.ts";

/** The character encoding a text input was read with. */
export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
}

/** Control characters other than tab, newline, carriage return, form feed. */
function countControl(bytes: Uint8Array, limit: number): number {
  let n = 0;
  const end = Math.min(bytes.length, limit);
  for (let i = 0; i < end; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) n++;
  }
  return n;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Decodes a text file: BOMs first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then GB18030 (a
 * superset of GBK and GB2312, the encodings Chinese Windows tools write). Bytes that are neither
 * are refused as binary rather than turned into mojibake.
 */
export function decodeText(bytes: Uint8Array): Result.Result<DecodedText, ImportError> {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return Result.succeed({ text: utf8.decode(bytes.subarray(3)), encoding: "utf-8-bom" });
    } catch {
      return Result.fail(importError("Binary", "文件声明为 UTF-8 编码，但内容无法按 UTF-8 解码"));
    }
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return Result.succeed({
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      encoding: "utf-16le",
    });
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return Result.succeed({
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
      encoding: "utf-16be",
    });
  }
  // Text never contains NUL or many other control bytes; images and archives do.
  const sample = Math.min(bytes.length, 64 * 1024);
  if (bytes.subarray(0, sample).includes(0) || countControl(bytes, sample) > sample / 100) {
    return Result.fail(importError("Binary", undefined, "control bytes in the first 64 KiB"));
  }
  try {
    return Result.succeed({ text: utf8.decode(bytes), encoding: "utf-8" });
  } catch {
    // not UTF-8: try the Chinese national encoding
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
  const replaced = (text.match(/\uFFFD/g) ?? []).length;
  if (replaced > Math.max(2, text.length / 200)) {
    return Result.fail(importError("Binary", "无法识别文件的字符编码（既不是 UTF-8 也不是 GBK/GB18030）"));
  }
  return Result.succeed({ text, encoding: "gb18030" });
}
