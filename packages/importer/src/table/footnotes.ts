import type { SourceLine } from "../lines/source-lines.ts";
import { matchHeading } from "../outline/headings.ts";
import { cleanProse } from "../text/clean.ts";

export interface Footnote {
  /** Circled digit, "①"; "" for a note without a mark (it applies to the whole table). */
  readonly mark: string;
  /** Text including its mark, simplified: "①指“十四五”期间基本医疗保险年均参保率保持在96%以上。" */
  readonly text: string;
  readonly line: number;
}

export interface ReadFootnotes {
  readonly notes: Footnote[];
  /** Line-array index after the last footnote line (== `from` when there are none). */
  readonly end: number;
}

const CIRCLED = /[\u2460-\u2473]/;
const NOTE_START = /^(?:注|注释|说明|備註|备注)\s*[:：]\s*/;
const SENTENCE_END = /[。.!！?？]$/;

/**
 * Reads the notes under the indicator table: "注：①指…", then "②指…" on following lines.
 * A line that neither starts with a mark nor is the wrapped tail of the note above ends them;
 * so does a heading. Several notes on one line ("注：①…。②…。") are split at their marks.
 */
export function readFootnotes(lines: readonly SourceLine[], from: number): ReadFootnotes {
  const notes: { mark: string; text: string; line: number }[] = [];
  let end = from;
  let started = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    let t = line.text.replace(/\t+/g, " ").trim();
    if (t === "") continue;
    let opened = false;
    if (!started && NOTE_START.test(t)) {
      t = t.replace(NOTE_START, "");
      started = true;
      opened = true;
    }
    const last = notes.at(-1);
    if (opened && !CIRCLED.test(t[0] ?? "")) {
      notes.push({ mark: "", text: t, line: line.no }); // a note without a mark applies to the table
    } else if (CIRCLED.test(t[0] ?? "")) {
      started = true;
      // split "①…。②…。" at marks that follow a sentence end
      for (const part of t.split(/(?<=[。；;])\s*(?=[\u2460-\u2473])/)) {
        notes.push({ mark: part[0] as string, text: part, line: line.no });
      }
    } else if (started && last && !SENTENCE_END.test(last.text) && matchHeading(t) === null) {
      last.text += t; // a note wrapped onto the next line ("…带量采购品" / "种达 500 个以上。")
    } else {
      break;
    }
    end = i + 1;
  }
  return { notes: notes.map((n) => ({ ...n, text: cleanProse(n.text) })), end };
}
