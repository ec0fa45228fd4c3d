/**
 * What one INI value cannot carry, said so that the user knows why and what to do. Stricter
 * than supervisord's reader on purpose: any `;`/`#` after white space is refused.
 */
import { inlineCommentIndex } from '../codecs/inisafe.js';
import { pyStrip } from '../codecs/python.js';

export type Hazard = { kind: 'line-break' } | { kind: 'strip' } | { kind: 'comment'; char: string };

/** Printable ASCII other than space: never Python white space. */
function solid(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

export function hazard(text: string): Hazard | null {
  if (/[\r\n]/.test(text)) return { kind: 'line-break' };
  // Only the ends can be stripped: when both are plainly not white space, nothing is.
  const ends = text.length > 0 && solid(text.charCodeAt(0)) && solid(text.charCodeAt(text.length - 1));
  if (!ends && pyStrip(text) !== text) return { kind: 'strip' };
  const at = inlineCommentIndex(text);
  return at >= 0 ? { kind: 'comment', char: text[at]! } : null;
}

/** The sentence for a hazard in `where`; `fix` says what to do about an inline comment. */
export function hazardMessage(where: string, h: Hazard, fix = 'remove the white space before it'): string {
  switch (h.kind) {
    case 'line-break':
      return `${where} contains a line break, which would end the value in supervisord's file (and could start a new line of configuration); remove it`;
    case 'strip':
      return `${where} starts or ends with white space, which supervisord strips; remove it`;
    case 'comment':
      return `${where} would be cut at '${h.char}': supervisord reads '${h.char}' after white space as the start of a comment, and no quoting protects it here; ${fix}`;
  }
}
