import { z } from "zod";
import { toSimplified } from "../text/simplify.ts";

/**
 * What an outline node of a plan is: 形势/背景, 指导思想/基本原则, 目标, 重点任务 or 保障措施.
 * Reports count key tasks only; the importer sets the kind and a planner can correct it.
 */
export const OutlineKind = z.enum(["background", "principle", "goal", "keyTask", "safeguard"]);
export type OutlineKind = z.infer<typeof OutlineKind>;

export const outlineKindLabels: Record<OutlineKind, string> = {
  background: "规划背景",
  principle: "指导思想和原则",
  goal: "发展目标",
  keyTask: "重点任务",
  safeguard: "保障措施",
};

// Checked in this order; a title matching none is a key-task area.
const rules: readonly [OutlineKind, RegExp][] = [
  ["safeguard", /保障措施|实施保障|组织实施|规划实施$/],
  ["background", /背景|发展基础|规划基础|发展成效|发展成就|发展形势|发展环境|面临|机遇|挑战|现状|回顾/],
  ["goal", /发展目标|主要目标|目标任务$|关键指标|主要指标|远景目标/],
  ["principle", /总体要求|总体思路|指导思想|基本原则|指导原则/],
];

/** The kind a title names by itself, or null for a task area. */
export function kindOfTitle(title: string): OutlineKind | null {
  const t = toSimplified(title).replace(/\s/g, "");
  for (const [kind, re] of rules) if (re.test(t)) return kind;
  return null;
}

export interface OutlineNode {
  readonly key: string;
  readonly parentKey: string | null;
  readonly title: string;
}

/**
 * Kinds for a whole outline. A chapter takes the kind its title names (else key task); inside a
 * key-task chapter everything is a key task ("完善…保障机制" is a task, not a safeguard); inside the
 * other chapters a node may name its own kind (总体要求 → 指导思想 / 基本原则 / 主要目标).
 */
export function classifyOutline(nodes: readonly OutlineNode[]): Map<string, OutlineKind> {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const out = new Map<string, OutlineKind>();
  const kindOf = (n: OutlineNode): OutlineKind => {
    const known = out.get(n.key);
    if (known) return known;
    const parent = n.parentKey === null ? undefined : byKey.get(n.parentKey);
    let kind: OutlineKind;
    if (!parent) kind = kindOfTitle(n.title) ?? "keyTask";
    else {
      const inherited = kindOf(parent);
      kind = inherited === "keyTask" ? "keyTask" : (kindOfTitle(n.title) ?? inherited);
    }
    out.set(n.key, kind);
    return kind;
  };
  for (const n of nodes) kindOf(n);
  return out;
}

/**
 * The key tasks of an outline: the key-task nodes with no child (a section without numbered
 * tasks is itself one task).
 */
export function keyTaskKeys(
  nodes: readonly (OutlineNode & { readonly kind?: OutlineKind | null | undefined })[],
): Set<string> {
  const computed = classifyOutline(nodes);
  const parents = new Set(nodes.flatMap((n) => (n.parentKey === null ? [] : [n.parentKey])));
  return new Set(
    nodes
      .filter((n) => (n.kind ?? computed.get(n.key)) === "keyTask" && !parents.has(n.key))
      .map((n) => n.key),
  );
}
