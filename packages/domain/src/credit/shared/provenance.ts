import { z } from "zod";

/**
 * How well a rule is sourced, using the tags of `shared/reference/domain-rules.md`:
 * S = sourced, D = derived from sourced facts, U = unverified (a documented assumption).
 * Rule data carries the tag so the UI can mark provisional rules (暂定) and a reviewer can find them.
 */
export const SourceTag = z.enum(["S", "D", "U"]);
export type SourceTag = z.infer<typeof SourceTag>;

export const sourceTagLabels: Record<SourceTag, string> = { S: "有出处", D: "推导", U: "暂定（待核实）" };

export const Source = z.object({
  /** Document title or short description, usually Chinese. */
  title: z.string().min(1),
  url: z.string().url().optional(),
  tag: SourceTag,
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;
