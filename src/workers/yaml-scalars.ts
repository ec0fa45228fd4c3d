// The scalars of one line the quick YAML reader takes: '...', "..." (escapes, no line breaks),
// plain values and plain keys. Each reads from `cur.pos` and leaves `cur.pos` just after what
// it read (a key: at its `:`).
import {
  BACKSLASH, COLON, DASH, DECLINE, DQUOTE, HASH, LF, SP, SQUOTE, TAB, badPlainStart, isBreak, isFlowIndicator,
} from './yaml-chars.js';
import { resolvePlain } from './yaml-plain-scalar.js';

/** The text being read and where the reader stands in it. */
export interface Cursor {
  readonly s: string;
  pos: number;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

/** A quoted scalar; `quote` is the character at `cur.pos`. */
export function quoted(cur: Cursor, quote: number): string {
  return quote === SQUOTE ? singleQuoted(cur) : doubleQuoted(cur);
}

function singleQuoted(cur: Cursor): string {
  const s = cur.s;
  let eol = s.indexOf('\n', cur.pos);
  if (eol === -1) eol = s.length;
  let p = cur.pos + 1;
  let out = '';
  for (;;) {
    const q = s.indexOf("'", p);
    if (q === -1 || q > eol) throw DECLINE;
    out += s.slice(p, q);
    if (s.charCodeAt(q + 1) === SQUOTE) {
      out += "'";
      p = q + 2;
      continue;
    }
    cur.pos = q + 1;
    return out;
  }
}

function doubleQuoted(cur: Cursor): string {
  const s = cur.s;
  let p = cur.pos + 1;
  let from = p;
  let out = '';
  for (;;) {
    if (p >= s.length) throw DECLINE;
    const ch = s.charCodeAt(p);
    if (ch === DQUOTE) {
      out += s.slice(from, p);
      cur.pos = p + 1;
      return out;
    }
    if (ch === LF) throw DECLINE;
    if (ch === BACKSLASH) {
      out += s.slice(from, p);
      const next = s[p + 1];
      if (next === undefined || next === '\n') throw DECLINE;
      const simple = ESCAPES[next];
      if (simple !== undefined) {
        out += simple;
        p += 2;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = s.substr(p + 2, length);
        if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) throw DECLINE;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) throw DECLINE;
        out += String.fromCodePoint(code);
        p += 2 + length;
      } else {
        throw DECLINE;
      }
      from = p;
      continue;
    }
    p++;
  }
}

/** The end of `s` before `end` without its trailing spaces. */
function trimEnd(s: string, end: number): number {
  while (s.charCodeAt(end - 1) === SP) end--;
  return end;
}

/**
 * A plain value, up to a comment, the end of the line or (in `flow`) a flow indicator. A `: `
 * inside would make it a key: declined.
 */
export function plainValue(cur: Cursor, flow: boolean): unknown {
  const s = cur.s;
  const start = cur.pos;
  const c = s.charCodeAt(start);
  if (badPlainStart(c) && !(c === DASH && !isBreak(s.charCodeAt(start + 1), flow))) throw DECLINE;
  let p = start;
  for (; p < s.length; p++) {
    const ch = s.charCodeAt(p);
    if (ch === LF || (flow && isFlowIndicator(ch))) break;
    if (ch === TAB) throw DECLINE;
    if (ch === HASH && s.charCodeAt(p - 1) === SP) break;
    if (ch === COLON && isBreak(s.charCodeAt(p + 1), flow)) throw DECLINE;
  }
  const end = trimEnd(s, p);
  cur.pos = end;
  return resolvePlain(s.slice(start, end));
}

/** A mapping's key, quoted or plain; leaves `cur.pos` at its `:`. */
export function key(cur: Cursor, flow: boolean): string {
  const c = cur.s.charCodeAt(cur.pos);
  if (c !== SQUOTE && c !== DQUOTE) return plainKey(cur, flow);
  const text = quoted(cur, c);
  if (cur.s.charCodeAt(cur.pos) !== COLON) throw DECLINE;
  return text;
}

/**
 * A plain key, which must read as a string, up to its `:` (followed by a space, or in block
 * context also by the end of the line).
 */
function plainKey(cur: Cursor, flow: boolean): string {
  const s = cur.s;
  const start = cur.pos;
  if (badPlainStart(s.charCodeAt(start))) throw DECLINE;
  let p = start;
  for (;; p++) {
    const ch = s.charCodeAt(p);
    if (ch === COLON) {
      const n = s.charCodeAt(p + 1);
      if (n === SP || (!flow && (n === LF || p + 1 >= s.length))) break;
    } else if (p >= s.length || ch === LF || ch === TAB || (flow && isFlowIndicator(ch))) {
      throw DECLINE;
    } else if (ch === HASH && s.charCodeAt(p - 1) === SP) {
      throw DECLINE;
    }
  }
  const key = s.slice(start, trimEnd(s, p));
  if (key.includes(':') || typeof resolvePlain(key) !== 'string') throw DECLINE;
  cur.pos = p;
  return key;
}
