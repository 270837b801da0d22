import type { TaskDraft } from "@ybplan/domain/plan";
import { cleanProse } from "../text/clean.ts";
import { appendParagraph } from "../text/paragraphs.ts";

/** A paragraph of running text under an outline node, with the bold sentence it opens with. */
export interface Paragraph {
  readonly text: string;
  /** 1-based source line. */
  readonly line: number;
  /** "合理设定参保护面目标。" when the paragraph opens with that bold sentence; else null. */
  readonly leadIn: string | null;
}

export type OutlineNode = TaskDraft & { readonly paragraphs: readonly Paragraph[] };

/**
 * Tasks a plan writes as bold-led paragraphs instead of numbered headings. 青阳's 三、重点任务 numbers
 * the tasks of （一） (1.–5.) but writes those of （二） and （三） as paragraphs opening with a bold
 * sentence ("**全面实行多元复合式医保支付。**…"). Such paragraphs stand for the missing numbered level:
 * they become sub-tasks of a key-task node that has no child heading while a deeper numbered level
 * exists elsewhere in the same key-task chapter. Inside a task at the deepest level (青阳 1. 提高基本
 * 医疗保险参保质量) bold sentences are points of that one task and stay its text. At least two bold
 * leads are needed: a single bold sentence is emphasis, not a list.
 */
export function splitLeadIns(nodes: readonly OutlineNode[]): OutlineNode[] {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const rootOf = (n: OutlineNode): string => {
    let cur = n;
    while (cur.parentKey !== null) {
      const p = byKey.get(cur.parentKey);
      if (!p) break;
      cur = p;
    }
    return cur.key;
  };
  const parents = new Set(nodes.flatMap((n) => (n.parentKey === null ? [] : [n.parentKey])));
  const deepest = new Map<string, number>();
  for (const n of nodes) {
    if (n.kind !== "keyTask") continue;
    const r = rootOf(n);
    deepest.set(r, Math.max(deepest.get(r) ?? 0, n.level));
  }
  const out: OutlineNode[] = [];
  for (const n of nodes) {
    const leads = n.paragraphs.filter((p) => p.leadIn !== null).length;
    const splits =
      n.kind === "keyTask" &&
      !parents.has(n.key) &&
      leads >= 2 &&
      n.level < 6 &&
      n.level < (deepest.get(rootOf(n)) ?? 0);
    if (!splits) {
      out.push(n);
      continue;
    }
    const first = n.paragraphs.findIndex((p) => p.leadIn !== null);
    out.push({ ...n, paragraphs: n.paragraphs.slice(0, first) });
    let ordinal = 0;
    let child: { draft: OutlineNode; paragraphs: Paragraph[] } | null = null;
    const flush = () => {
      if (child) out.push({ ...child.draft, paragraphs: child.paragraphs });
    };
    for (const p of n.paragraphs.slice(first)) {
      if (p.leadIn === null) {
        child?.paragraphs.push(p);
        continue;
      }
      flush();
      ordinal++;
      const lead = cleanProse(p.leadIn);
      const rest = p.text.startsWith(p.leadIn) ? p.text.slice(p.leadIn.length).trim() : p.text;
      child = {
        draft: {
          key: `${n.key}.${ordinal}`,
          number: "",
          title: lead.replace(/[。！？：:；;，,]+$/, ""),
          text: "",
          leadDepartment: null,
          deadline: null,
          line: p.line,
          level: n.level + 1,
          parentKey: n.key,
          kind: "keyTask",
          paragraphs: [],
        },
        paragraphs: rest === "" ? [] : [{ ...p, text: rest, leadIn: null }],
      };
    }
    flush();
  }
  return out;
}

/** A node's text: its paragraphs joined (page-broken halves rejoined), line breaks kept. */
export function nodeText(paragraphs: readonly Paragraph[]): string {
  return cleanProse(paragraphs.map((p) => p.text).reduce(appendParagraph, ""), { keepLineBreaks: true });
}
