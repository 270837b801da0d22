import { describe, expect, it } from "vitest";
import { checkAttachment, deadlineProblem, isOverdue, sniffAttachment } from "../src/workitem/index.ts";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));
const pdf = bytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
const docx = bytes([0x50, 0x4b, 0x03, 0x04], "\x14\x00\x00\x00word/document.xml....");
const xlsx = bytes([0x50, 0x4b, 0x03, 0x04], "\x14\x00\x00\x00xl/workbook.xml....");
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "IHDR");
const exe = bytes("MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode");
const elf = bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);

describe("attachment type by content", () => {
  it("recognises PDF, docx, xlsx and images by their leading bytes", () => {
    expect([pdf, docx, xlsx, png, exe, elf].map(sniffAttachment)).toEqual([
      "pdf",
      "docx",
      "xlsx",
      "png",
      "executable",
      "executable",
    ]);
    expect(checkAttachment("自查报告.pdf", pdf)).toEqual({
      ok: true,
      kind: "pdf",
      mediaType: "application/pdf",
    });
    expect(checkAttachment("台账.XLSX", xlsx)).toMatchObject({ ok: true, kind: "xlsx" });
    expect(checkAttachment("照片.png", png)).toMatchObject({ ok: true, kind: "png" });
  });

  it("refuses an executable renamed .pdf, a mismatched type, unknown extensions, empty and oversized files", () => {
    expect(checkAttachment("报告.pdf", exe)).toEqual({
      ok: false,
      reason: "文件内容是可执行程序，不能作为佐证材料上传",
    });
    expect(checkAttachment("报告.pdf", elf)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("可执行程序"),
    });
    expect(checkAttachment("报告.docx", pdf)).toEqual({
      ok: false,
      reason: "文件扩展名为 .docx，但内容是PDF，与扩展名不符",
    });
    expect(checkAttachment("报告.pdf", bytes("hello"))).toEqual({
      ok: false,
      reason: "文件扩展名为 .pdf，但内容是无法识别的内容，与扩展名不符",
    });
    expect(checkAttachment("setup.exe", exe)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("不支持的文件类型“.exe”"),
    });
    expect(checkAttachment("空.pdf", new Uint8Array())).toEqual({ ok: false, reason: "文件为空" });
    const big = new Uint8Array(3 * 1024 * 1024);
    big.set(pdf);
    expect(checkAttachment("大.pdf", big, 2 * 1024 * 1024)).toEqual({
      ok: false,
      reason: "文件大小 3 MB 超过上限 2 MB",
    });
  });
});

describe("deadlines", () => {
  it("overdue means past the deadline and not completed or cancelled", () => {
    const t = { deadline: "2024-06-30", status: "inProgress" as const };
    expect(isOverdue(t, "2024-06-30")).toBe(false);
    expect(isOverdue(t, "2024-07-01")).toBe(true);
    expect(isOverdue({ ...t, status: "completed" }, "2025-01-01")).toBe(false);
    expect(isOverdue({ ...t, status: "cancelled" }, "2025-01-01")).toBe(false);
    expect(isOverdue({ ...t, status: "delayed" }, "2025-01-01")).toBe(true);
    expect(isOverdue({ deadline: null, status: "notStarted" }, "2099-01-01")).toBe(false);
  });

  it("a deadline lies within the plan period", () => {
    const period = { periodStart: 2021, periodEnd: 2025 };
    expect(deadlineProblem("2021-01-01", period)).toBeNull();
    expect(deadlineProblem("2025-12-31", period)).toBeNull();
    expect(deadlineProblem("2026-01-01", period)).toBe(
      "截止日期须在规划期内（2021年1月1日至2025年12月31日）",
    );
    expect(deadlineProblem("2020-12-31", period)).not.toBeNull();
    expect(deadlineProblem(null, period)).toBeNull();
  });
});
