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
  flags: { ljust: boolean; sign: boolean; blank: boolean; alt: boolean; zero: boolean };
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
  const n = s.length;
  const spec: Spec = { flags: { ljust: false, sign: false, blank: false, alt: false, zero: false }, width: -1, prec: -1, ch: '' };
  const read = (): string | undefined => (pos < n ? s[pos++] : undefined);
  let ch = read();
  /** A run of digits starting with `ch`, leaving `ch` at the character after it. */
  const number = (): number => {
    let v = Number(ch);
    for (ch = read(); isDigit(ch); ch = read()) v = v * 10 + Number(ch);
    return v;
  };
  for (; ch !== undefined; ch = read()) {
    if (ch === '-') spec.flags.ljust = true;
    else if (ch === '+') spec.flags.sign = true;
    else if (ch === ' ') spec.flags.blank = true;
    else if (ch === '#') spec.flags.alt = true;
    else if (ch === '0') spec.flags.zero = true;
    else break;
  }
  if (ch === '*') {
    const v = starArg();
    spec.width = Math.abs(v);
    if (v < 0) spec.flags.ljust = true;
    ch = read();
  } else if (isDigit(ch)) spec.width = number();
  if (ch === '.') {
    spec.prec = 0;
    ch = read();
    if (ch === '*') {
      spec.prec = Math.max(0, starArg());
      ch = read();
    } else if (isDigit(ch)) spec.prec = number();
  }
  if (ch === 'h' || ch === 'l' || ch === 'L') ch = read();
  if (ch === undefined) return null;
  spec.ch = ch;
  return { spec, end: pos };
}
