import type { TaskDraft } from "@ybplan/domain/plan";
import { classifyOutline } from "@ybplan/domain/task";
import { plain, type SourceLine } from "../lines/source-lines.ts";
import { cleanProse, keyText } from "../text/clean.ts";
import { type Heading, type HeadingStyle, headingStyles, matchHeading } from "./headings.ts";
import { nodeText, type OutlineNode, type Paragraph, splitLeadIns } from "./lead-ins.ts";

export interface ReadOutline {
  readonly tasks: TaskDraft[];
  /** Line-array indices [start, end) of the table of contents, if one was found. */
  readonly toc: readonly [number, number] | null;
}

const TOC_MARKER = /^目\s*录$|^目\s*錄$|^contents$/i;
/** Page-number debris of converted documents: "- 11 -", "·····", "11". */
const PAGE_DEBRIS = /^[-—\s·.…\d]*$/;
/** Back matter: from here on the paragraphs belong to no task. */
const BACK_MATTER = /^(备注|附件|附表|抄送|抄报|印发|附：)/;
const SIGNATURE =
  /^((?:19|20)\d\d年\d{1,2}月\d{1,2}日(印发)?|[\u4e00-\u9fff]{2,30}(局|办公室|人民政府|委员会)(文件)?)$/;

function isTocMarker(text: string): boolean {
  return text.length <= 12 && TOC_MARKER.test(keyText(text));
}

interface Item {
  readonly index: number;
  readonly text: string;
  readonly heading: Heading | null;
}

function displayNumber(h: Heading): string {
  switch (h.style) {
    case "part":
      return `第${h.label}部分`;
    case "chapter":
      return `第${h.label}章`;
    case "section":
      return `第${h.label}节`;
    case "cn":
      return `${h.label}、`;
    case "parenCn":
      return `（${h.label}）`;
    case "arabic":
      return `${h.label}.`;
    case "parenArabic":
      return `（${h.label}）`;
    default:
      return ""; // a markup heading has no number
  }
}

/**
 * Finds the table of contents: a run of headings with nothing but blank lines, page numbers or a
 * "目录" marker between them, either introduced by "目录" or repeated later in the body (Hunan's
 * page lists its headings without page numbers). The run ends where its first heading comes round
 * again (Heshan's body starts right after its contents).
 */
function findToc(items: readonly Item[]): [number, number] | null {
  for (let s = 0; s < items.length; s++) {
    const first = items[s] as Item;
    if (first.heading === null && !isTocMarker(first.text)) continue;
    let e = s;
    let marker = false;
    const headings: Item[] = [];
    for (; e < items.length; e++) {
      const it = items[e] as Item;
      if (isTocMarker(it.text)) {
        if (headings.length > 0) break;
        marker = true;
        continue;
      }
      if (it.heading === null) {
        if (PAGE_DEBRIS.test(it.text)) continue;
        break;
      }
      const firstTitle = headings[0]?.heading?.title;
      if (
        firstTitle !== undefined &&
        keyText(it.heading.title) === keyText(firstTitle) &&
        it.heading.style === headings[0]?.heading?.style
      ) {
        break; // the body begins: its first heading repeats the contents' first entry
      }
      headings.push(it);
    }
    if (headings.length >= 4) {
      const later = new Set(
        items
          .slice(e)
          .filter((it) => it.heading !== null)
          .map((it) => keyText((it.heading as Heading).title)),
      );
      const repeated = headings.filter((h) => later.has(keyText((h.heading as Heading).title))).length;
      if (marker || repeated * 2 >= headings.length) {
        const last = items[e - 1] as Item;
        return [first.index, last.index + 1];
      }
    }
    if (headings.length > 0 || marker) s = Math.max(s, e - 1);
  }
  return null;
}

/**
 * The body's outline: chapters, sections and numbered tasks, each with the running text under it
 * (page-break fragments rejoined). Levels follow the numbering styles the document actually uses,
 * outermost first. Lines in `excluded` (the indicator table, 专栏 boxes) are skipped; so are the
 * table of contents, page-number debris and the back matter (备注, 抄送, signature).
 */
export function readOutline(lines: readonly SourceLine[], excluded: ReadonlySet<number>): ReadOutline {
  const items: Item[] = [];
  lines.forEach((line, index) => {
    if (excluded.has(index)) return;
    const text = plain(line);
    if (text === "") return;
    items.push({ index, text, heading: line.bullet ? null : matchHeading(line.text) });
  });
  // A body without typed numbers (Word headings numbered automatically, Markdown "## …"): the
  // markup levels make the outline instead.
  if (items.filter((it) => it.heading !== null).length < 3) {
    const ordinals = new Map<number, number>();
    for (let k = 0; k < items.length; k++) {
      const it = items[k] as Item;
      const level = (lines[it.index] as SourceLine).headingLevel;
      if (it.heading !== null || level === null || it.text.length > 60) continue;
      for (const deeper of [...ordinals.keys()]) if (deeper > level) ordinals.delete(deeper);
      const ordinal = (ordinals.get(level) ?? 0) + 1;
      ordinals.set(level, ordinal);
      items[k] = {
        ...it,
        heading: { style: `markup${level}` as HeadingStyle, label: "", ordinal, title: it.text, rest: "" },
      };
    }
  }
  const toc = findToc(items);
  const body = toc === null ? items : items.filter((it) => it.index < toc[0] || it.index >= toc[1]);

  const present = new Set<HeadingStyle>(body.flatMap((it) => (it.heading ? [it.heading.style] : [])));
  const levelOf = new Map<HeadingStyle, number>();
  for (const style of headingStyles)
    if (present.has(style)) levelOf.set(style, Math.min(6, levelOf.size + 1));

  const tasks: (TaskDraft & { paragraphs: Paragraph[] })[] = [];
  const stack: { level: number; key: string; ordinal: number }[] = [];
  const keys = new Set<string>();
  let open: (TaskDraft & { paragraphs: Paragraph[] }) | null = null;
  for (const it of body) {
    if (it.heading === null) {
      if (BACK_MATTER.test(it.text)) open = null;
      if (open === null || PAGE_DEBRIS.test(it.text)) continue;
      if (it.text.length <= 40 && SIGNATURE.test(keyText(it.text))) continue;
      const line = lines[it.index] as SourceLine;
      open.paragraphs.push({ text: it.text, line: line.no, leadIn: line.leadIn });
      continue;
    }
    const h = it.heading;
    const level = levelOf.get(h.style) ?? 1;
    while (stack.length > 0 && (stack.at(-1) as { level: number }).level >= level) stack.pop();
    const parent = stack.at(-1) ?? null;
    let key = parent ? `${parent.key}.${h.ordinal}` : `${h.ordinal}`;
    if (keys.has(key)) {
      let n = 2;
      while (keys.has(`${key}#${n}`)) n++;
      key = `${key}#${n}`;
    }
    keys.add(key);
    stack.push({ level, key, ordinal: h.ordinal });
    open = {
      key: `t${key}`,
      number: displayNumber(h),
      title: cleanProse(h.title),
      text: "",
      leadDepartment: null,
      deadline: null,
      line: (lines[it.index] as SourceLine).no,
      level,
      parentKey: parent ? `t${parent.key}` : null,
      paragraphs:
        h.rest === "" ? [] : [{ text: h.rest, line: (lines[it.index] as SourceLine).no, leadIn: null }],
    };
    tasks.push(open);
  }
  // Background, principles, goals and safeguards are outline too, but not key tasks.
  const kinds = classifyOutline(tasks);
  const classified: OutlineNode[] = tasks.map((t) => ({ ...t, kind: kinds.get(t.key) ?? null }));
  return {
    toc,
    tasks: splitLeadIns(classified).map(({ paragraphs, ...t }) => ({ ...t, text: nodeText(paragraphs) })),
  };
}
