import type { Logger } from "@ybplan/api";

/** Structured logs: one JSON object per line on stdout (errors on stderr). */
export function jsonLogger(
  base: Record<string, unknown> = {},
  out = process.stdout,
  err = process.stderr,
): Logger {
  const write = (level: string, msg: string, fields?: Record<string, unknown>) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...base, ...fields });
    (level === "error" ? err : out).write(`${line}\n`);
  };
  return {
    info: (msg, fields) => write("info", msg, fields),
    warn: (msg, fields) => write("warn", msg, fields),
    error: (msg, fields) => write("error", msg, fields),
  };
}
