import type { Jurisdiction } from "@ybplan/domain/jurisdiction";
import { sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import type { PlanMetadataDraft } from "@ybplan/domain/plan";
import { plain, type SourceLine } from "../lines/source-lines.ts";
import { matchHeading } from "../outline/headings.ts";
import { chineseNumber } from "../text/chinese-number.ts";
import { clean } from "../text/clean.ts";
import type { Warnings } from "../warnings.ts";

export interface MetadataOptions {
  /** Known jurisdictions to resolve names against (default: the sample plans' jurisdictions). */
  readonly jurisdictions?: readonly Jurisdiction[];
  /** Title to use when the document names none (e.g. the file name). */
  readonly fallbackTitle?: string;
}

export interface ReadMetadata {
  readonly plan: PlanMetadataDraft;
  /** Line-array index of the title line, if found. */
  readonly titleIndex: number | null;
}

const PLAN_WORD = /规划|纲要|计划/;
const NOT_TITLE = /关于|通知|印发|函$|^《|^抄送|^抄报|^发布时间|>|首页/;
const DOC_NUMBER =
  /([\u4e00-\u9fff]{1,12})\s*[〔[［(（【]\s*((?:19|20)\d\d)\s*[〕\]］)）】]\s*(\d{1,4})\s*号/;
const DATE_LINE = /^((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(印发|发布)?$/;
const ORG_LINE = /^([\u4e00-\u9fff（）()]{2,30}?(医疗保障局|局|委员会|人民政府|政府|办公室|办公厅|中心))$/;
const DRAFT = /征求意见稿|草案|送审稿|讨论稿|征求意见/;

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

function findTitle(texts: readonly string[]): number | null {
  const limit = Math.min(texts.length, 250);
  for (let i = 0; i < limit; i++) {
    const t = texts[i] ?? "";
    if (t.length < 6 || t.length > 60 || !PLAN_WORD.test(t) || NOT_TITLE.test(t)) continue;
    if (/[。，；：:,]$/.test(t) || matchHeading(t) !== null || /\t/.test(t)) continue;
    if (/主要指标|目录/.test(t)) continue;
    return i;
  }
  return null;
}

/** "十四五" → 2021–2025; the n-th five-year plan starts in 2021 + 5(n − 14). */
function periodFrom(text: string): { start: number; end: number } | null {
  const m =
    /“?十([一二三四五六七八九])五”?(?:时期|期间|规划|计划|发展|医疗|全民|$)/.exec(text) ??
    /十([一二三四五六七八九])五/.exec(text);
  if (!m) return null;
  const n = 10 + (chineseNumber(m[1] ?? "") ?? 0);
  const start = 2021 + 5 * (n - 14);
  return { start, end: start + 4 };
}

/**
 * Reads the plan's metadata from the document's head and tail: title (the first line that names a
 * 规划/纲要 and is not the cover letter's "关于印发…的通知"), issuer (the "…文件" masthead, else the
 * signature above the date), document number (黄医保发〔2022〕15号), issue date (signature date,
 * else "…印发", else a web page's 发布时间), jurisdiction (most specific known name in the title,
 * then the issuer), and period ("十四五" → 2021–2025, baseline 2020).
 */
export function readMetadata(
  lines: readonly SourceLine[],
  warnings: Warnings,
  options: MetadataOptions = {},
): ReadMetadata {
  const jurisdictions = options.jurisdictions ?? sampleJurisdictions;
  // Titles, masthead, signature and date lines are short; long paragraphs need no cleaning.
  const texts = lines.map((l) => {
    const t = plain(l);
    return t.length > 80 ? t : clean(t);
  });
  const titleIndex = findTitle(texts);
  let title = titleIndex === null ? null : (texts[titleIndex] ?? null);
  if (title === null) {
    // the cover letter names it: 关于印发《…》的通知
    const letter = texts.slice(0, 60).find((t) => /印发《.+》/.test(t));
    title = letter ? (/《(.+?)》/.exec(letter)?.[1] ?? null) : null;
  }
  if (title === null) {
    title = options.fallbackTitle ?? "未命名规划";
    warnings.add("missingMetadata", 1, "未找到规划标题，已使用文件名", title);
  }

  const head = texts.slice(0, 60);
  let documentNumber: string | null = null;
  for (const t of head) {
    const m = DOC_NUMBER.exec(t);
    if (m) {
      documentNumber = `${m[1]}〔${m[2]}〕${m[3]}号`;
      break;
    }
  }

  let issuer: string | null = null;
  for (const t of texts.slice(0, 15)) {
    const m = /^(.{2,30}?)文件$/.exec(t);
    if (m && !/印发|关于/.test(t)) {
      issuer = m[1] ?? null;
      break;
    }
  }
  // Signature: an organisation alone on its line, then a date alone on its line.
  let signatureDate: string | null = null;
  let printedDate: string | null = null;
  const nonBlank = texts.map((t, i) => ({ t, i })).filter((x) => x.t !== "");
  for (let k = 0; k < nonBlank.length; k++) {
    const { t } = nonBlank[k] as { t: string };
    const date = DATE_LINE.exec(t);
    if (!date) continue;
    const iso = isoDate(date[1] ?? "", date[2] ?? "", date[3] ?? "");
    if (date[4] === "印发") {
      printedDate ??= iso;
      continue;
    }
    const prev = nonBlank[k - 1]?.t ?? "";
    const org = ORG_LINE.exec(prev);
    if (org && !/办公室$/.test(prev)) {
      signatureDate ??= iso;
      issuer ??= org[1] ?? null;
    }
  }
  let publishedDate: string | null = null;
  for (const t of texts.slice(0, 30)) {
    const m = /发布(?:时间|日期)\s*[:：]\s*((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(t);
    if (m) {
      publishedDate = isoDate(m[1] ?? "", m[2] ?? "", m[3] ?? "");
      break;
    }
  }
  const issueDate = signatureDate ?? printedDate ?? publishedDate;

  // Jurisdiction: the most specific known name in the title, else in the issuer.
  const rank = { county: 3, city: 2, province: 1 } as const;
  const pick = (text: string | null): Jurisdiction | null => {
    if (text === null) return null;
    let best: Jurisdiction | null = null;
    for (const j of jurisdictions) {
      if (text.includes(j.name) && (best === null || rank[j.level] > rank[best.level])) best = j;
    }
    return best;
  };
  const known = pick(title) ?? pick(issuer);
  const jurisdictionName =
    known?.name ?? /^(.{2,8}?(?:自治区|自治州|省|市|县|区|州|盟|旗))/.exec(title)?.[1] ?? null;

  const period = periodFrom(title) ?? periodFrom(texts.slice(0, 200).join("\n"));
  if (period === null)
    warnings.add("missingMetadata", 1, "未找到规划期（如“十四五”），按2021—2025年处理", title);
  const periodStart = period?.start ?? 2021;
  const periodEnd = period?.end ?? 2025;

  const around = titleIndex === null ? [] : texts.slice(titleIndex, titleIndex + 4);
  const draft = DRAFT.test(title) || around.some((t) => DRAFT.test(t) && t.length <= 20);

  return {
    titleIndex,
    plan: {
      title,
      issuer,
      documentNumber,
      issueDate,
      jurisdictionCode: known?.code ?? null,
      jurisdictionName,
      periodStart,
      periodEnd,
      baselineYear: periodStart - 1,
      status: draft ? "draft" : "published",
    },
  };
}
