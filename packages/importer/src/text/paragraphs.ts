/** Ends of a complete paragraph; anything else was cut by a page break. */
const PARAGRAPH_END = /(?:[。！？；：…!?;:]|[。！？]”|[。！？]）)$/;

/**
 * Appends a paragraph to a text: on a new line, unless the text so far stops mid-sentence — a
 * page break of the original document split one paragraph in two ("…增强医保系统党员" /
 * "干部廉政意识…"), and the halves are joined again.
 */
export function appendParagraph(acc: string, paragraph: string): string {
  const p = paragraph.trim();
  if (p === "") return acc;
  if (acc === "") return p;
  if (PARAGRAPH_END.test(acc) || /^(——|[一二三四五六七八九十]是)/.test(p)) return `${acc}\n${p}`;
  return acc + p;
}

/** Whether a paragraph ends a sentence (so the next line does not continue it). */
export function endsSentence(text: string): boolean {
  return PARAGRAPH_END.test(text.trim());
}
