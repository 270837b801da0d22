import { Effect } from "effect";
import mammoth from "mammoth";
import { type ImportError, importError } from "../errors.ts";

/** True when the zip's end-of-central-directory record is present (a cut-off file loses it). */
function hasZipDirectory(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06)
      return true;
  }
  return false;
}

/**
 * Converts a Word (.docx) file to HTML with mammoth. Tables stay tables (merged cells as
 * rowspan/colspan), superscripts stay `<sup>`, so the HTML reader sees the document's structure.
 */
export function docxToHtml(bytes: Uint8Array): Effect.Effect<string, ImportError> {
  if (!hasZipDirectory(bytes)) {
    return Effect.fail(importError("Truncated", undefined, "zip end-of-central-directory record not found"));
  }
  return Effect.tryPromise({
    try: () =>
      mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }),
    catch: (e) => {
      const detail = e instanceof Error ? e.message : String(e);
      // A zip that is not a Word document (e.g. .xlsx) lacks word/document.xml.
      return /document\.xml|main document part/i.test(detail)
        ? importError("UnsupportedFormat", "压缩包不是 Word（.docx）文档，无法导入", detail)
        : importError("Truncated", undefined, detail);
    },
  }).pipe(Effect.map((r) => r.value));
}
