import { readFile, stat } from "node:fs/promises";
import type { Jurisdiction } from "@ybplan/domain/jurisdiction";
import {
  type IndicatorDraft,
  type PlanDocument,
  PlanDocumentFormat,
  type TaskDraft,
} from "@ybplan/domain/plan";
import { Effect, Result } from "effect";
import { type DocumentFormat, decodeText, detectFormat } from "./decode/index.ts";
import { docxToHtml } from "./docx/index.ts";
import { type ImportError, importError, MAX_INPUT_BYTES } from "./errors.ts";
import { htmlToText } from "./html/html-to-text.ts";
import { type SourceLine, toSourceLines } from "./lines/source-lines.ts";
import { readMetadata } from "./metadata/index.ts";
import { readOutline } from "./outline/index.ts";
import { readProjects } from "./projects/index.ts";
import { parseIndicatorProse } from "./prose/parse-prose.ts";
import { buildIndicators } from "./table/build-indicators.ts";
import { readFootnotes } from "./table/footnotes.ts";
import { readIndicatorTable } from "./table/read-table.ts";
import { Warnings } from "./warnings.ts";

export interface ImportTextOptions {
  /** File name, for the result's `source` and as the title of last resort. */
  readonly fileName?: string;
  /** `html` converts the text from HTML first; `text`/`markdown` (default) read it as is. */
  readonly format?: DocumentFormat;
  /** Encoding the text was decoded from, for the result's `source`. */
  readonly encoding?: string | null;
  /** Jurisdictions to resolve the plan's jurisdiction against (default: the sample jurisdictions). */
  readonly jurisdictions?: readonly Jurisdiction[];
}

export interface ImportInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly jurisdictions?: readonly Jurisdiction[];
}

function stem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.[^.]+$/, "") || base;
}

/**
 * The text under the plan's goals heading (主要目标, 发展目标, 主要指标), one line per source line so
 * prose warnings keep their line numbers; the whole document when there is no such heading.
 */
function goalsText(
  lines: readonly SourceLine[],
  tasks: readonly TaskDraft[],
): { text: string; firstLine: number } {
  const goal = tasks.find((t) => /目标|指标/.test(t.title));
  const from = goal?.line ?? 0;
  const next = goal ? tasks.find((t) => t.line > goal.line && t.level <= goal.level) : undefined;
  const to = next?.line ?? Number.POSITIVE_INFINITY;
  const byLine = new Map<number, string>();
  for (const l of lines) {
    if (l.no > from && l.no < to) byLine.set(l.no, [byLine.get(l.no), l.text].filter(Boolean).join(" "));
  }
  const last = Math.max(from, ...byLine.keys());
  const text: string[] = [];
  for (let no = from + 1; no <= last; no++) text.push(byLine.get(no) ?? "");
  return { text: text.join("\n"), firstLine: from + 1 };
}

/**
 * Reads an already-decoded document (plain text, Markdown, or HTML) into a PlanDocument. The
 * stages are separate modules: lines → metadata → indicator table (+ footnotes) → 专栏 boxes →
 * outline; when no table is found, indicators written as prose in the goals section are read
 * instead and flagged. Fails only when there is nothing to read (`Empty`, `NoPlanContent`).
 */
export function importPlanText(
  text: string,
  options: ImportTextOptions = {},
): Result.Result<PlanDocument, ImportError> {
  if (text.trim() === "") return Result.fail(importError("Empty"));
  const format = options.format ?? "text";
  const body = format === "html" ? htmlToText(text) : text;
  const lines = toSourceLines(body);
  const warnings = new Warnings();
  const fileName = options.fileName ?? "";
  const meta = readMetadata(lines, warnings, {
    ...(options.jurisdictions ? { jurisdictions: options.jurisdictions } : {}),
    ...(fileName ? { fallbackTitle: stem(fileName) } : {}),
  });

  const table = readIndicatorTable(lines, meta.plan.baselineYear, warnings);
  const notes = table ? readFootnotes(lines, table.end) : { notes: [], end: 0 };
  let indicators: IndicatorDraft[] = table
    ? buildIndicators(table.rows, notes.notes, warnings, {
        hasAttributeColumn: table.columns.some((c) => c.kind === "attribute"),
        headerLine: lines[table.start]?.no ?? 0,
      })
    : [];

  const excluded = new Set<number>();
  if (table) {
    for (let i = table.start; i < Math.max(table.end, notes.end); i++) excluded.add(i);
    if (table.captionIndex !== null) excluded.add(table.captionIndex);
  }
  if (meta.titleIndex !== null) excluded.add(meta.titleIndex); // the title is no outline entry
  const projects = readProjects(
    lines,
    new Set(table?.captionIndex == null ? [] : [table.captionIndex]),
    warnings,
  );
  for (const i of projects.lines) excluded.add(i);
  const outline = readOutline(lines, excluded);

  if (table === null) {
    const goals = goalsText(lines, outline.tasks);
    const prose = parseIndicatorProse(goals.text, {
      firstLine: goals.firstLine,
      baselineYear: meta.plan.baselineYear,
    });
    indicators = prose.indicators;
    warnings.add(
      "noIndicatorTable",
      goals.firstLine,
      indicators.length > 0
        ? `未找到主要指标表；已从正文表述中识别出 ${indicators.length} 项指标（置信度“正文”），请逐项核对`
        : "未找到主要指标表，正文中也没有可识别的指标表述",
    );
    warnings.list.push(...prose.warnings);
  }
  if (indicators.length === 0 && outline.tasks.length === 0 && projects.projects.length === 0) {
    return Result.fail(importError("NoPlanContent"));
  }
  return Result.succeed({
    format: PlanDocumentFormat,
    plan: meta.plan,
    indicators,
    tasks: outline.tasks,
    projects: projects.projects,
    footnotes: notes.notes.map((n) => ({ mark: n.mark, text: n.text })),
    warnings: warnings.sorted(),
    source: { fileName, format, encoding: options.encoding ?? null },
  });
}

/**
 * Imports a plan from a file's bytes: detects the format (content first, then extension),
 * decodes text (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK), converts .docx with
 * mammoth and HTML to lines, then reads it with {@link importPlanText}. Inputs over
 * {@link MAX_INPUT_BYTES} (20 MiB) are refused before anything is parsed.
 */
export function importPlanDocument(input: ImportInput): Effect.Effect<PlanDocument, ImportError> {
  return Effect.gen(function* () {
    const { bytes, fileName } = input;
    if (bytes.length > MAX_INPUT_BYTES) {
      return yield* Effect.fail(importError("TooLarge", undefined, `${bytes.length} bytes`));
    }
    if (bytes.length === 0) return yield* Effect.fail(importError("Empty"));
    const format = yield* Effect.fromResult(detectFormat(bytes, fileName));
    const common = { fileName, ...(input.jurisdictions ? { jurisdictions: input.jurisdictions } : {}) };
    if (format === "docx") {
      const html = yield* docxToHtml(bytes);
      const text = htmlToText(html);
      const doc = yield* Effect.fromResult(
        importPlanText(text, { ...common, format: "text", encoding: null }),
      );
      return { ...doc, source: { fileName, format: "docx" as const, encoding: null } };
    }
    const decoded = yield* Effect.fromResult(decodeText(bytes));
    return yield* Effect.fromResult(
      importPlanText(decoded.text, { ...common, format, encoding: decoded.encoding }),
    );
  });
}

/** Reads a file from disk and imports it (for the CLI and the server's sample seeding). */
export function importPlanFile(
  path: string,
  options: { jurisdictions?: readonly Jurisdiction[] } = {},
): Effect.Effect<PlanDocument, ImportError> {
  return Effect.gen(function* () {
    const info = yield* Effect.tryPromise({
      try: () => stat(path),
      catch: (e) =>
        importError("Unreadable", `无法读取文件：${path}`, e instanceof Error ? e.message : String(e)),
    });
    if (info.size > MAX_INPUT_BYTES)
      return yield* Effect.fail(importError("TooLarge", undefined, `${info.size} bytes`));
    const bytes = yield* Effect.tryPromise({
      try: () => readFile(path),
      catch: (e) =>
        importError("Unreadable", `无法读取文件：${path}`, e instanceof Error ? e.message : String(e)),
    });
    return yield* importPlanDocument({ bytes: new Uint8Array(bytes), fileName: path, ...options });
  });
}

/** Promise form for callers outside Effect: resolves to a Result, never rejects on import errors. */
export function runImport(input: ImportInput): Promise<Result.Result<PlanDocument, ImportError>> {
  return Effect.runPromise(Effect.result(importPlanDocument(input)));
}

/**
 * Promise form that resolves to the document and rejects with the {@link ImportError} itself (an
 * `Error` with `_tag: "ImportError"`, `reason` and a Chinese `message`): fits the API's
 * `PlanImporter` as is.
 */
export function importPlanBytes(input: ImportInput): Promise<PlanDocument> {
  return Effect.runPromise(importPlanDocument(input));
}
