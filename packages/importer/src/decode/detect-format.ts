import { Result } from "effect";
import { type ImportError, importError } from "../errors.ts";

/** How the bytes are to be read. */
export type DocumentFormat = "text" | "markdown" | "html" | "docx";

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // legacy .doc / .xls
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const PNG = [0x89, 0x50, 0x4e, 0x47];
const JPEG = [0xff, 0xd8, 0xff];
const GIF = [0x47, 0x49, 0x46, 0x38];

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** The first bytes as ASCII-ish text, for sniffing HTML. */
function head(bytes: Uint8Array): string {
  let s = "";
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s
    .replace(/^\xef\xbb\xbf/, "")
    .trimStart()
    .toLowerCase();
}

/**
 * Decides the format from the content first (magic numbers), then from the extension. Content
 * wins because files are often renamed; an extension we do not read is refused.
 */
export function detectFormat(
  bytes: Uint8Array,
  fileName: string,
): Result.Result<DocumentFormat, ImportError> {
  const ext = extensionOf(fileName);
  if (startsWith(bytes, ZIP)) return Result.succeed("docx");
  if (startsWith(bytes, OLE2)) {
    return Result.fail(
      importError("UnsupportedFormat", "不支持旧版 Word（.doc）格式，请在 Word 中另存为 .docx 后再导入"),
    );
  }
  if (startsWith(bytes, PDF)) {
    return Result.fail(importError("UnsupportedFormat", "暂不支持 PDF，请提供 .docx、.html 或 .txt 文件"));
  }
  if (startsWith(bytes, PNG) || startsWith(bytes, JPEG) || startsWith(bytes, GIF)) {
    return Result.fail(importError("Binary", "文件是图片，无法导入；请提供规划的文字版本"));
  }
  if (ext === "docx") {
    // A .docx that does not start like a zip archive: cut off or damaged.
    return Result.fail(importError("Truncated", undefined, "missing zip signature"));
  }
  const sniff = head(bytes);
  if (ext === "html" || ext === "htm" || sniff.startsWith("<!doctype html") || sniff.startsWith("<html")) {
    return Result.succeed("html");
  }
  if (ext === "md" || ext === "markdown") return Result.succeed("markdown");
  if (ext === "txt" || ext === "text" || ext === "") return Result.succeed("text");
  return Result.fail(
    importError("UnsupportedFormat", `不支持的文件格式“.${ext}”，请提供 .txt、.md、.html 或 .docx 文件`),
  );
}
