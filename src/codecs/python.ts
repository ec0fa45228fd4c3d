/**
 * Small emulations of CPython 3.11 behaviour that supervisord's validators rely on:
 * `repr(str)`, `str.strip()`, `str.isspace()` and `int(text, base)`.
 */
import { fail, ok, type Result } from './types.js';

/** Characters for which Python's `str.isspace()` is true. */
export const PY_WHITESPACE =
  '\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006' +
  '\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

export const isPySpace = (ch: string): boolean => ch.length > 0 && PY_WHITESPACE.includes(ch);

const PY_SPACE_CODES = new Set(Array.from(PY_WHITESPACE, (ch) => ch.charCodeAt(0)));

/** `isPySpace` for one UTF-16 unit (every Python whitespace character is in the BMP). */
export const isPySpaceCode = (code: number): boolean => PY_SPACE_CODES.has(code);

/** Python `str.strip()` with no argument. */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPySpace(text[start]!)) start++;
  while (end > start && isPySpace(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Python `str.strip(chars)`. */
export function pyStripChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start]!)) start++;
  while (end > start && chars.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

function escapeChar(ch: string, asciiOnly: boolean): string {
  const cp = ch.codePointAt(0)!;
  if (ch === '\\') return '\\\\';
  if (ch === '\t') return '\\t';
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  const printable = cp === 0x20 || (cp >= 0x20 && cp < 0x7f) || (!asciiOnly && cp >= 0x7f && !NON_PRINTABLE.test(ch));
  if (printable) return ch;
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

const PLAIN_REPR = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;

/**
 * Python `repr(str)` (or `ascii(str)` with asciiOnly): single quotes unless the text holds a
 * `'` and no `"`; backslashes, the chosen quote and non-printable characters escaped.
 */
export function pyRepr(text: string, asciiOnly = false): string {
  // most texts (section names, paths) are printable ASCII with nothing to escape
  if (PLAIN_REPR.test(text)) return `'${text}'`;
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    if (ch === quote) out += '\\' + ch;
    else out += escapeChar(ch, asciiOnly);
  }
  return out + quote;
}

/** Python's `%.200R`: the repr cut to 200 characters (used by `int()`'s message). */
export const pyRepr200 = (text: string): string => Array.from(pyRepr(text)).slice(0, 200).join('');

const DECIMAL_DIGIT = /^\p{Nd}$/u;

/** The value of a Unicode decimal digit (its offset in its run of ten), or -1. */
export function decimalValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (!DECIMAL_DIGIT.test(ch)) return -1;
  // Unicode assigns decimal digits in contiguous runs starting at zero.
  let cp = ch.codePointAt(0)!;
  let start = cp;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

const ASCII_SPACE = ' \t\n\x0b\x0c\r';
const INT_MAX_STR_DIGITS = 4300;

/**
 * Python `int(text, base)` for base 10 and 8: non-ASCII whitespace and decimal digits are first
 * mapped to ASCII (as CPython does), then ASCII whitespace around, a sign, a `0o` prefix
 * (base 8), digits with single underscores between them.
 */
export function pyInt(text: string, base: 10 | 8 = 10): Result<bigint> {
  const bad = () => fail<bigint>(`invalid literal for int() with base ${base}: ${pyRepr200(text)}`);
  let s = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 127) s += ch;
    else if (isPySpace(ch)) s += ' ';
    else {
      const d = decimalValue(ch);
      s += d >= 0 ? String(d) : '?';
    }
  }
  let i = 0;
  let end = s.length;
  while (i < end && ASCII_SPACE.includes(s[i]!)) i++;
  while (end > i && ASCII_SPACE.includes(s[end - 1]!)) end--;
  s = s.slice(i, end);
  let negative = false;
  if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (base === 8 && /^0[oO]/.test(s)) {
    s = s.slice(2);
    if (s[0] === '_') s = s.slice(1);
  }
  const digitRe = base === 8 ? /^[0-7](_?[0-7])*$/ : /^[0-9](_?[0-9])*$/;
  if (!digitRe.test(s)) return bad();
  const digits = s.replace(/_/g, '');
  if (base === 10 && digits.length > INT_MAX_STR_DIGITS) {
    return fail(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  let value = 0n;
  const b = BigInt(base);
  for (const d of digits) value = value * b + BigInt(d.charCodeAt(0) - 48);
  return ok(negative ? -value : value);
}

const PLAIN_DIGITS = /^[0-9]{1,15}$/;

/** `pyInt` as a JS number (supervisord's integers all fit; beyond 2^53 precision is lost). */
export function pyIntNumber(text: string, base: 10 | 8 = 10): Result<number> {
  // the common case, plain ASCII digits, reads the same in JS (leading zeros included)
  if (base === 10 && PLAIN_DIGITS.test(text)) return ok(Number(text));
  const r = pyInt(text, base);
  return r.ok ? ok(Number(r.value)) : r;
}

/**
 * Python's default string ordering (code points, not UTF-16 units); only the sign is meaningful.
 * UTF-16 units order alike unless the first difference involves a surrogate.
 */
export function pyCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const ca = a.charCodeAt(k);
    const cb = b.charCodeAt(k);
    if (ca === cb) continue;
    if ((ca & 0xf800) !== 0xd800 && (cb & 0xf800) !== 0xd800) return ca - cb;
    return compareCodePoints(a, b);
  }
  return a.length - b.length;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * A comparator of `key(x)` in pyCompare's order for a whole list: when no key holds a surrogate,
 * UTF-16 order is code point order and the engine's own string comparison serves (sorting
 * thousands of names).
 */
export function pyOrderBy<T>(items: readonly T[], key: (x: T) => string): (a: T, b: T) => number {
  for (let i = 0; i < items.length; i++) if (SURROGATE.test(key(items[i]!))) return (a, b) => pyCompare(key(a), key(b));
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

function compareCodePoints(a: string, b: string): number {
  const ai = Array.from(a);
  const bi = Array.from(b);
  for (let k = 0; k < Math.min(ai.length, bi.length); k++) {
    const d = ai[k]!.codePointAt(0)! - bi[k]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ai.length - bi.length;
}
