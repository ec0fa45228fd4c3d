/**
 * The pieces of a `%` template as Python's formatter reads them: literal runs, a `(name)` key,
 * then flags, width, precision, length modifier and the conversion character. Shared by expand()
 * (which applies them) and specifiers() (which lists them), so both read a template alike.
 */

/**
 * The template as expand() walks it: by code points (Python indexes a str by them, and the
 * `at index N` of a message counts them), which are plain UTF-16 units when there is no
 * surrogate, so the string itself serves and no array is built.
 */
export type Chars = string | string[];
const HAS_SURROGATE = /[\uD800-\uDFFF]/;
export const charsOf = (template: string): Chars => (HAS_SURROGATE.test(template) ? Array.from(template) : template);
export const joinChars = (s: Chars, from: number, to: number): string =>
  typeof s === 'string' ? s.slice(from, to) : s.slice(from, to).join('');
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Where the literal text from `pos` ends: the next `%`, or the end. */
export function literalEnd(s: Chars, pos: number): number {
  if (typeof s === 'string') {
    const next = s.indexOf('%', pos);
    return next < 0 ? s.length : next;
  }
  while (pos < s.length && s[pos] !== '%') pos++;
  return pos;
}

/** Past the `)` that closes the `(` at `open` (parentheses nest), or -1 when none does. */
export function keyEnd(s: Chars, open: number): number {
  let pos = open + 1;
  let depth = 1;
  while (depth > 0 && pos < s.length) {
    if (s[pos] === ')') depth--;
    else if (s[pos] === '(') depth++;
    pos++;
  }
  return depth > 0 ? -1 : pos;
}

export interface Spec {
  /** the flags `-`, `+`, ` `, `#`, `0` (one object per spec: big configs keep thousands) */
  ljust: boolean;
  sign: boolean;
  blank: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  prec: number;
  ch: string;
}

/**
 * The conversion after the `%` (and key) ending before `pos`: the spec and the position past its
 * conversion character, or null when the template ends first (Python's `incomplete format`).
 * `starArg` gives the int a `*` width or precision takes from the arguments, at the moment
 * Python takes it (so its errors come first).
 */
export function parseSpec(s: Chars, pos: number, starArg: () => number): { spec: Spec; end: number } | null {
  // one flat loop, no closures: the resolver parses thousands of specs in a cold process
  const n = s.length;
  let ljust = false;
  let sign = false;
  let blank = false;
  let alt = false;
  let zero = false;
  let width = -1;
  let prec = -1;
  let ch = pos < n ? s[pos++] : undefined;
  for (; ch !== undefined; ch = pos < n ? s[pos++] : undefined) {
    if (ch === '-') ljust = true;
    else if (ch === '+') sign = true;
    else if (ch === ' ') blank = true;
    else if (ch === '#') alt = true;
    else if (ch === '0') zero = true;
    else break;
  }
  if (ch === '*') {
    const v = starArg();
    width = Math.abs(v);
    if (v < 0) ljust = true;
    ch = pos < n ? s[pos++] : undefined;
  } else if (isDigit(ch)) {
    width = 0;
    for (; isDigit(ch); ch = pos < n ? s[pos++] : undefined) width = width * 10 + (ch!.charCodeAt(0) - 48);
  }
  if (ch === '.') {
    prec = 0;
    ch = pos < n ? s[pos++] : undefined;
    if (ch === '*') {
      prec = Math.max(0, starArg());
      ch = pos < n ? s[pos++] : undefined;
    } else if (isDigit(ch)) {
      for (; isDigit(ch); ch = pos < n ? s[pos++] : undefined) prec = prec * 10 + (ch!.charCodeAt(0) - 48);
    }
  }
  if (ch === 'h' || ch === 'l' || ch === 'L') ch = pos < n ? s[pos++] : undefined;
  if (ch === undefined) return null;
  return { spec: { ljust, sign, blank, alt, zero, width, prec, ch }, end: pos };
}
