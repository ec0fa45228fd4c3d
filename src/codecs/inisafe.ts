import { fail, ok, type Result } from './types.js';
import { isPySpaceCode, pyRepr, pyStrip } from './python.js';

/**
 * Index of the first `;` or `#` that the INI reader would take as an inline comment if `text`
 * were written as a value (preceded by whitespace, or at the start), else -1.
 */
export function inlineCommentIndex(text: string): number {
  const semi = firstAfterSpace(text, ';');
  const hash = firstAfterSpace(text, '#');
  return semi === -1 ? hash : hash === -1 ? semi : Math.min(semi, hash);
}

/** The first `ch` in `text` at the start or after whitespace, or -1. */
function firstAfterSpace(text: string, ch: string): number {
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) {
    if (i === 0 || isPySpaceCode(text.charCodeAt(i - 1))) return i;
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
