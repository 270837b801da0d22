import type { ProjectDraft, WorkItemDraft } from "@ybplan/domain/plan";
import { plain, type SourceLine } from "../lines/source-lines.ts";
import { isStructuralHeading, matchHeading, splitTitle } from "../outline/headings.ts";
import { cleanProse } from "../text/clean.ts";
import { endsSentence } from "../text/paragraphs.ts";
import type { Warnings } from "../warnings.ts";

export interface ReadProjects {
  readonly projects: ProjectDraft[];
  /** Line-array indices the boxes occupy (their heading and items). */
  readonly lines: ReadonlySet<number>;
}

const BOX = /^(?:专栏|專欄)\s*(\d{1,3})\s*[:：.、]?\s*(.*)$/;
const ITEM_NUMBER = /^(?:[（(](\d{1,2})[）)]|(\d{1,2})\s*[.．、](?!\d))\s*/;

interface ItemDraft {
  number: string | null;
  text: string;
  line: number;
}

/**
 * Splits a paragraph holding several numbered items ("1. …。2. …。3. …") at the numbers that
 * continue the sequence right after a sentence end; other digits ("2022 年", "1.6") stay text.
 */
function splitInline(text: string, line: number, first: number | null): ItemDraft[] {
  const out: ItemDraft[] = [];
  let rest = text;
  let current = first;
  let number = first === null ? null : String(first);
  for (;;) {
    if (current === null) break;
    const next = current + 1;
    const re = new RegExp(`(?<=[。；;!！?？])\\s*(?:[（(]${next}[）)]|${next}\\s*[.．、](?!\\d))\\s*`);
    const m = re.exec(rest);
    if (!m) break;
    out.push({ number, text: rest.slice(0, m.index).trim(), line });
    rest = rest.slice(m.index + m[0].length);
    current = next;
    number = String(next);
  }
  out.push({ number, text: rest.trim(), line });
  return out;
}

/**
 * Reads every 专栏/專欄 box: its number and title, then its items — "(1) …", "1. …", bulleted
 * lines, several items run together on one line, items cut by a page break (rejoined), and an
 * unnumbered first paragraph (Nanyang's 专栏2 numbers only from 2). A box ends at a heading,
 * another box, or a paragraph that neither starts an item nor continues one. Boxes listed in
 * `skip` (the caption of the indicator table, "专栏1 …主要指标") are not projects.
 */
export function readProjects(
  lines: readonly SourceLine[],
  skip: ReadonlySet<number>,
  warnings: Warnings,
): ReadProjects {
  const projects: ProjectDraft[] = [];
  const used = new Set<number>();
  const keys = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const head = BOX.exec(plain(lines[i] as SourceLine));
    if (!head || skip.has(i)) continue;
    const boxNumber = head[1] ?? "";
    const items: ItemDraft[] = [];
    used.add(i);
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (skip.has(j)) break;
      const line = lines[j] as SourceLine;
      const text = plain(line);
      if (text === "") continue;
      if (BOX.test(text)) break;
      const heading = matchHeading(line.text);
      if (!line.bullet && isStructuralHeading(heading)) break;
      const numbered = ITEM_NUMBER.exec(text);
      const last = items.at(-1);
      if (numbered || line.bullet) {
        const n = numbered ? Number(numbered[1] ?? numbered[2]) : null;
        const body = numbered ? text.slice(numbered[0].length) : text;
        items.push(...splitInline(body, line.no, n));
      } else if (items.length === 0) {
        items.push(...splitInline(text, line.no, 1).map((it, k) => (k === 0 ? { ...it, number: null } : it)));
      } else if (last && !endsSentence(last.text)) {
        last.text += text; // a page break cut the item
      } else {
        break;
      }
      used.add(j);
    }
    let key = `专栏${boxNumber}`;
    if (keys.has(key)) {
      let n = 2;
      while (keys.has(`${key}#${n}`)) n++;
      key = `${key}#${n}`;
    }
    keys.add(key);
    const title = cleanProse(head[2] ?? "") || `专栏${boxNumber}`;
    if (items.length === 0)
      warnings.add("emptyProject", (lines[i] as SourceLine).no, "专栏中没有找到条目", title);
    const work: WorkItemDraft[] = items.map((it, k) => {
      const { title: itemTitle, rest } = splitTitle(it.text);
      return {
        key: `${key}.${k + 1}`,
        number: it.number ?? String(k + 1),
        title: cleanProse(itemTitle) || `条目${k + 1}`,
        text: cleanProse(rest),
        leadDepartment: null,
        deadline: null,
        line: it.line,
      };
    });
    projects.push({ key, number: `专栏${boxNumber}`, title, line: (lines[i] as SourceLine).no, items: work });
    i = j - 1;
  }
  return { projects, lines: used };
}
