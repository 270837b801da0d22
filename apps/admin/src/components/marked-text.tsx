import { extractFootnoteMarks } from "@ybplan/domain/text";

/**
 * A plan's cell text as a person reads it: footnote markers however the source wrote them
 * ("^①", "<sup>①</sup>", "①", "¹") are lifted out by the domain's rule and shown as one
 * superscript after the clean text — "96%以上 ^①" → 96%以上<sup>①</sup>, never raw markup.
 */
export function MarkedText({ text, empty = "—" }: { text: string; empty?: string }) {
  const { text: clean, marks } = extractFootnoteMarks(text);
  if (clean === "" && marks.length === 0) return <>{empty}</>;
  return (
    <>
      {clean}
      {marks.length > 0 ? <sup>{marks.join("")}</sup> : null}
    </>
  );
}
