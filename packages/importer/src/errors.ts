import { Data } from "effect";

/** Largest input accepted, in bytes (20 MiB). Real plans are well under 1 MiB as text, ~5 MiB as .docx. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Why an input could not be imported at all. Problems inside a readable document (a row that
 * cannot be placed, a cell that cannot be read) are warnings on the result, not errors.
 */
export type ImportErrorReason =
  /** No bytes, or nothing but whitespace. */
  | "Empty"
  /** Not text: NUL bytes, images, undecodable bytes. */
  | "Binary"
  /** A .docx whose zip container is cut short or corrupt. */
  | "Truncated"
  /** Larger than {@link MAX_INPUT_BYTES}. */
  | "TooLarge"
  /** A format the importer does not read (.doc, .pdf, .xlsx, …). */
  | "UnsupportedFormat"
  /** The file could not be read from disk (missing, no permission). */
  | "Unreadable"
  /** Readable text, but neither an indicator table, indicator prose nor an outline was found. */
  | "NoPlanContent";

const defaultMessages: Record<ImportErrorReason, string> = {
  Empty: "文件为空，没有可导入的内容",
  Binary: "文件不是文本文档（可能是图片或其他二进制文件），无法导入",
  Truncated: "Word 文档已损坏或不完整，无法读取",
  TooLarge: `文件过大，超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB 的上限`,
  UnsupportedFormat: "不支持的文件格式，请提供 .txt、.md、.html 或 .docx 文件",
  Unreadable: "无法读取文件",
  NoPlanContent: "未在文档中找到规划内容（指标表、指标表述或章节）",
};

/** A typed import failure; `message` is Chinese and can be shown to the user as is. */
export class ImportError extends Data.TaggedError("ImportError")<{
  readonly reason: ImportErrorReason;
  readonly message: string;
  /** Technical detail (library message, byte counts) for logs. */
  readonly detail?: string;
}> {}

export function importError(reason: ImportErrorReason, message?: string, detail?: string): ImportError {
  return new ImportError({
    reason,
    message: message ?? defaultMessages[reason],
    ...(detail === undefined ? {} : { detail }),
  });
}
