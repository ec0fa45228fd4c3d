/**
 * Decoding a config file as supervisord's Python does: a text-mode file read in 8192-byte
 * chunks through the incremental UTF-8 decoder, so an invalid byte is reported with CPython's
 * message and a position relative to the chunk being decoded (plus the bytes of an incomplete
 * character carried over from the previous chunk).
 */

export type DecodeResult =
  | { ok: true; text: string }
  | { ok: false; message: string; /** absolute byte offset of the bad sequence */ offset: number; line: number; column: number };

const CHUNK = 8192;

/** Valid range of the second byte after a lead byte, and the sequence length. */
function leadInfo(b: number): { len: number; lo: number; hi: number } | null {
  if (b >= 0xc2 && b <= 0xdf) return { len: 2, lo: 0x80, hi: 0xbf };
  if (b === 0xe0) return { len: 3, lo: 0xa0, hi: 0xbf };
  if (b >= 0xe1 && b <= 0xec) return { len: 3, lo: 0x80, hi: 0xbf };
  if (b === 0xed) return { len: 3, lo: 0x80, hi: 0x9f };
  if (b >= 0xee && b <= 0xef) return { len: 3, lo: 0x80, hi: 0xbf };
  if (b === 0xf0) return { len: 4, lo: 0x90, hi: 0xbf };
  if (b >= 0xf1 && b <= 0xf3) return { len: 4, lo: 0x80, hi: 0xbf };
  if (b === 0xf4) return { len: 4, lo: 0x80, hi: 0x8f };
  return null;
}

interface Scan {
  /** index of the first problem, or -1 */
  at: number;
  /** number of bytes of the bad sequence (the valid prefix plus the lead) */
  width: number;
  reason: 'invalid start byte' | 'invalid continuation byte' | 'unexpected end of data' | null;
  /** bytes at the end that start an incomplete character (only when not final) */
  pending: number;
}

function scan(data: Uint8Array, final: boolean): Scan {
  let i = 0;
  while (i < data.length) {
    const b = data[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const info = leadInfo(b);
    if (!info) return { at: i, width: 1, reason: 'invalid start byte', pending: 0 };
    let k = 1;
    while (k < info.len) {
      if (i + k >= data.length) {
        if (final) return { at: i, width: k, reason: 'unexpected end of data', pending: 0 };
        return { at: -1, width: 0, reason: null, pending: data.length - i };
      }
      const c = data[i + k]!;
      const [lo, hi] = k === 1 ? [info.lo, info.hi] : [0x80, 0xbf];
      if (c < lo || c > hi) return { at: i, width: k, reason: 'invalid continuation byte', pending: 0 };
      k++;
    }
    i += info.len;
  }
  return { at: -1, width: 0, reason: null, pending: 0 };
}

function hex(b: number): string {
  return '0x' + b.toString(16).padStart(2, '0');
}

/** Line and column (1-based, in characters) of a byte offset, with Python's universal newlines. */
function locate(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const b = bytes[i]!;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  const prefix = Buffer.from(bytes.subarray(start, offset)).toString('utf8');
  return { line, column: Array.from(prefix).length + 1 };
}

/** Strict UTF-8 that keeps a BOM as U+FEFF, as Python's 'utf-8' codec does. */
const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file's text, or CPython's UnicodeDecodeError message for the first bad byte. */
export function decodeLikePython(bytes: Uint8Array): DecodeResult {
  // valid files (nearly all) are decoded natively; only a bad one is scanned for Python's message
  try {
    return { ok: true, text: STRICT.decode(bytes) };
  } catch {
    return decodeByScan(bytes);
  }
}

/** decodeLikePython without the native decoder: the chunked scan that finds CPython's message. */
export function decodeByScan(bytes: Uint8Array): DecodeResult {
  let pending = new Uint8Array(0);
  let pendingStart = 0;
  for (let chunkStart = 0; ; chunkStart += CHUNK) {
    const chunk = bytes.subarray(chunkStart, Math.min(bytes.length, chunkStart + CHUNK));
    const final = chunk.length === 0;
    const data = new Uint8Array(pending.length + chunk.length);
    data.set(pending, 0);
    data.set(chunk, pending.length);
    const dataStart = pending.length ? pendingStart : chunkStart;
    const s = scan(data, final);
    if (s.at >= 0) {
      const where =
        s.width === 1 ? `byte ${hex(data[s.at]!)} in position ${s.at}` : `bytes in position ${s.at}-${s.at + s.width - 1}`;
      const offset = dataStart + s.at;
      return { ok: false, message: `'utf-8' codec can't decode ${where}: ${s.reason}`, offset, ...locate(bytes, offset) };
    }
    if (final) break;
    pending = data.slice(data.length - s.pending);
    pendingStart = dataStart + data.length - s.pending;
  }
  return { ok: true, text: Buffer.from(bytes).toString('utf8') };
}
