/**
 * Keyboard entry as in Excel and DHIS2: Enter and ↓ move to the next value cell, Shift+Enter and ↑
 * to the previous one. Enter never saves the grid — a half-typed column must not be sent by habit.
 */
import type { KeyboardEvent } from "react";

export function focusValueCell(index: number): void {
  const input = document.querySelector<HTMLInputElement>(`input[data-entry-index="${index}"]`);
  if (!input) return;
  input.focus();
  input.select();
  input.scrollIntoView({ block: "nearest" });
}

/** Where a key press moves from value cell `index` of `count`; null when it does not move. */
export function nextCellIndex(key: string, shift: boolean, index: number, count: number): number | null {
  const down = (key === "Enter" && !shift) || key === "ArrowDown";
  const up = (key === "Enter" && shift) || key === "ArrowUp";
  if (down) return index + 1 < count ? index + 1 : null;
  if (up) return index > 0 ? index - 1 : null;
  return null;
}

export function valueCellKeyDown(e: KeyboardEvent<HTMLInputElement>, index: number, count: number): void {
  if (e.nativeEvent.isComposing) return; // an IME is choosing characters: Enter is theirs
  const isMove = e.key === "Enter" || e.key === "ArrowDown" || e.key === "ArrowUp";
  if (!isMove) return;
  e.preventDefault();
  const next = nextCellIndex(e.key, e.shiftKey, index, count);
  if (next !== null) focusValueCell(next);
}
