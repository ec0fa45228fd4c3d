import { fail, ok, type Result } from './types.js';
import { isPySpace, pyRepr, pyStrip } from './python.js';

/**
 * Index of the first `;` or `#` that the INI reader would take as an inline comment if `text`
 * were written as a value (preceded by whitespace, or at the start), else -1.
 */
export function inlineCommentIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === ';' || ch === '#') && (i === 0 || isPySpace(text[i - 1]!))) return i;
  }
  return -1;
}

/**
 * Why `text` cannot be carried as one INI value unchanged (line breaks, whitespace the reader
 * strips, an inline comment), or ok(text).
 */
export function checkIniValue(text: string, what: string): Result<string> {
  if (/[\r\n]/.test(text)) return fail(`${what} ${pyRepr(text)} contains a line break, which one INI value cannot carry`);
  if (pyStrip(text) !== text) return fail(`${what} ${pyRepr(text)} starts or ends with whitespace, which the INI reader strips`);
  const at = inlineCommentIndex(text);
  if (at >= 0) {
    return fail(`${what} ${pyRepr(text)} has ${pyRepr(text[at]!)} after whitespace, which the INI reader takes as the start of a comment`);
  }
  return ok(text);
}
