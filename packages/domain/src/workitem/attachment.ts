/**
 * Evidence attachments of tasks and 专栏 items: which files are accepted. The type is read from
 * the content's leading bytes (magic numbers), never trusted from the name alone: an executable
 * renamed .pdf is refused. Pure; the API stores accepted files with their SHA-256.
 */

/** Largest accepted file (bytes). */
export const attachmentMaxBytes = 20 * 1024 * 1024;

export type AttachmentKind = "pdf" | "docx" | "xlsx" | "png" | "jpeg" | "gif" | "webp";

export const attachmentKinds: Record<AttachmentKind, { extensions: readonly string[]; mediaType: string }> = {
  pdf: { extensions: ["pdf"], mediaType: "application/pdf" },
  docx: {
    extensions: ["docx"],
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  xlsx: {
    extensions: ["xlsx"],
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  png: { extensions: ["png"], mediaType: "image/png" },
  jpeg: { extensions: ["jpg", "jpeg"], mediaType: "image/jpeg" },
  gif: { extensions: ["gif"], mediaType: "image/gif" },
  webp: { extensions: ["webp"], mediaType: "image/webp" },
};

export const acceptedExtensions = Object.values(attachmentKinds).flatMap((k) => k.extensions);

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Contains the ASCII text (ZIP entry names are stored uncompressed in the headers). */
function containsAscii(b: Uint8Array, text: string): boolean {
  const sig = ascii(text);
  outer: for (let i = 0; i + sig.length <= b.length; i++) {
    for (let k = 0; k < sig.length; k++) if (b[i + k] !== sig[k]) continue outer;
    return true;
  }
  return false;
}

/** What the bytes are, by content; `executable` and `zip` (a ZIP that is not docx/xlsx) included. */
export function sniffAttachment(bytes: Uint8Array): AttachmentKind | "executable" | "zip" | null {
  if (startsWith(bytes, [0x4d, 0x5a])) return "executable"; // MZ: Windows PE
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return "executable"; // ELF
  if (startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]))
    return "executable"; // Mach-O
  if (startsWith(bytes, ascii("#!"))) return "executable"; // script with a shebang
  if (startsWith(bytes, ascii("%PDF-"))) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (containsAscii(bytes, "word/document.xml")) return "docx";
    if (containsAscii(bytes, "xl/workbook.xml")) return "xlsx";
    return "zip";
  }
  return null;
}

export type AttachmentCheck =
  | { readonly ok: true; readonly kind: AttachmentKind; readonly mediaType: string }
  | { readonly ok: false; readonly reason: string };

const labels: Record<AttachmentKind, string> = {
  pdf: "PDF",
  docx: "Word（.docx）",
  xlsx: "Excel（.xlsx）",
  png: "PNG 图片",
  jpeg: "JPEG 图片",
  gif: "GIF 图片",
  webp: "WebP 图片",
};

/** Accepts a file when its size is within the limit and its content matches its extension. */
export function checkAttachment(
  fileName: string,
  bytes: Uint8Array,
  maxBytes = attachmentMaxBytes,
): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, reason: "文件为空" };
  if (bytes.length > maxBytes) {
    const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    return { ok: false, reason: `文件大小 ${mb(bytes.length)} 超过上限 ${mb(maxBytes)}` };
  }
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const named = (Object.keys(attachmentKinds) as AttachmentKind[]).find((k) =>
    attachmentKinds[k].extensions.includes(ext),
  );
  if (!named) return { ok: false, reason: `不支持的文件类型“.${ext}”，仅接受 PDF、docx、xlsx 和图片` };
  const actual = sniffAttachment(bytes);
  if (actual === "executable") return { ok: false, reason: "文件内容是可执行程序，不能作为佐证材料上传" };
  if (actual !== named) {
    const what = actual === null || actual === "zip" ? "无法识别的内容" : labels[actual];
    return { ok: false, reason: `文件扩展名为 .${ext}，但内容是${what}，与扩展名不符` };
  }
  return { ok: true, kind: named, mediaType: attachmentKinds[named].mediaType };
}
