/**
 * The few pieces of Python 3.11 string behaviour the INI dialect depends on. JavaScript's
 * `trim()` and `\s` disagree with Python's `str.strip()` / `str.isspace()` (U+001C..U+001F and
 * U+0085 are Python whitespace, U+FEFF is not), so they are never used on INI text.
 */

const PY_SPACE = new Set<number>([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** Python `ch.isspace()` for one UTF-16 unit (every Python whitespace character is in the BMP). */
export function pyIsSpace(ch: string): boolean {
  return ch.length > 0 && PY_SPACE.has(ch.charCodeAt(0));
}

/**
 * `pyIsSpace` for a UTF-16 unit already read with `charCodeAt`. The reader calls it on every
 * character it skips, so ASCII is decided by comparisons and only U+0085 and above reach the set.
 */
export function pyIsSpaceCode(code: number): boolean {
  if (code === 0x20) return true;
  if (code < 0x20) return (code >= 0x09 && code <= 0x0d) || code >= 0x1c;
  return code >= 0x85 && PY_SPACE.has(code);
}

/** Index of the first non-whitespace character (Python's `\S` search), or -1. */
export function pyFirstNonSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (!pyIsSpaceCode(s.charCodeAt(i))) return i;
  return -1;
}

export function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && pyIsSpaceCode(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

export function pyStrip(s: string): string {
  const start = pyFirstNonSpace(s);
  return start < 0 ? '' : pyRstrip(s.slice(start));
}

/** Python's `str.lower()` (full Unicode mapping, like `toLowerCase()` without locale). */
export function pyLower(s: string): string {
  return s.toLowerCase();
}

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Python's `repr(str)`, as configparser puts a line or a file name into its messages. */
export function pyRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (!NOT_PRINTABLE.test(ch)) out += ch;
    else if (cp <= 0xff) out += '\\x' + hex(cp, 2);
    else if (cp <= 0xffff) out += '\\u' + hex(cp, 4);
    else out += '\\U' + hex(cp, 8);
  }
  return out + quote;
}

/**
 * `columnAt(text.slice(start, index), index - start)` without the slice: the column of offset
 * `index` in the line of `text` that starts at offset `start`.
 */
export function columnIn(text: string, start: number, index: number): number {
  let col = index - start + 1;
  for (let i = start + 1; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) col--;
    }
  }
  return col;
}

/** 1-based column (in code points) of the UTF-16 offset `index` of `line`. */
export function columnAt(line: string, index: number): number {
  let col = 1;
  for (let i = 0; i < index && i < line.length; i++) {
    const c = line.charCodeAt(i);
    // the low half of a surrogate pair does not start a new character
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = line.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) continue;
    }
    col++;
  }
  return col;
}
