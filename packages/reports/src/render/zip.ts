import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * The few lines of ZIP a docx or xlsx needs (APPNOTE 4.3: local headers, central directory, end
 * record; deflate or stored, no ZIP64), on Node's native zlib: several times faster than a
 * JavaScript deflate, which matters for `report --all`.
 */

export interface ZipEntry {
  readonly path: string;
  readonly data: string | Uint8Array;
}

const encoder = new TextEncoder();
/** 1980-01-01 00:00 in DOS time: a fixed stamp, so the same report gives the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** An entry compressed ahead: parts every document shares are deflated once per process. */
export interface PackedEntry {
  readonly path: string;
  readonly packed: Uint8Array;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly size: number;
}

export function pack(e: ZipEntry, level = 6): PackedEntry {
  const raw = typeof e.data === "string" ? encoder.encode(e.data) : e.data;
  return {
    path: e.path,
    packed: level > 0 ? deflateRawSync(raw, { level }) : raw,
    method: level > 0 ? 8 : 0,
    crc: crc32(raw),
    size: raw.length,
  };
}

export function zip(entries: readonly (ZipEntry | PackedEntry)[], level = 6): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const e = "packed" in entry ? entry : pack(entry, level);
    const name = encoder.encode(e.path);
    const { packed, method, crc } = e;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, method, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(8, 0x0800, true);
    dv.setUint16(10, method, true);
    dv.setUint16(14, DOS_DATE, true);
    dv.setUint32(16, crc, true);
    dv.setUint32(20, packed.length, true);
    dv.setUint32(24, e.size, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    locals.push(local, packed);
    central.push(dir);
    offset += local.length + packed.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + dirSize + end.length);
  let at = 0;
  for (const part of [...locals, ...central, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Entries of a ZIP by path (deflated or stored), read from its central directory. */
export function unzip(data: Uint8Array): Map<string, Uint8Array> {
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = data.length - 22;
  while (end >= 0 && v.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a ZIP file");
  const count = v.getUint16(end + 10, true);
  let p = v.getUint32(end + 16, true);
  const out = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const method = v.getUint16(p + 10, true);
    const size = v.getUint32(p + 20, true);
    const nameLength = v.getUint16(p + 28, true);
    const extra = v.getUint16(p + 30, true);
    const comment = v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const body = data.subarray(start, start + size);
    out.set(name, method === 8 ? new Uint8Array(inflateRawSync(body)) : body.slice());
    p += 46 + nameLength + extra + comment;
  }
  return out;
}
