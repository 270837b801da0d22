/** Plain-text tables that line up with Chinese characters (two columns wide in a terminal). */

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    // East Asian wide and full-width ranges.
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c === 0x2014 // the em dash "—" is drawn wide in CJK terminals
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

function clip(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(`${out}${ch}…`) > max) break;
    out += ch;
  }
  return `${out}…`;
}

export function formatTable(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  maxWidths: readonly number[] = [],
): string {
  const clipped = rows.map((r) => r.map((c, i) => (maxWidths[i] ? clip(c, maxWidths[i]!) : c)));
  const widths = columns.map((c, i) =>
    Math.max(displayWidth(c), ...clipped.map((r) => displayWidth(r[i] ?? ""))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i]!))
      .join("  ")
      .trimEnd();
  return [line(columns), widths.map((w) => "-".repeat(w)).join("  "), ...clipped.map(line)].join("\n");
}
