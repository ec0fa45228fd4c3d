import { pyFirstNonSpace, pyIsSpace } from './python.js';

/** supervisord's `inline_comment_prefixes`, in the order it passes them. */
export const INLINE_COMMENT_PREFIXES = [';', '#'] as const;
/** configparser's default `comment_prefixes`. */
export const COMMENT_PREFIXES = ['#', ';'] as const;

/**
 * Where configparser 3.11 cuts an inline comment off `line`, or -1.
 *
 * A prefix qualifies at index 0 or right after whitespace. The search runs in rounds: round k
 * looks at the k-th occurrence of each prefix and the first round with a qualifying occurrence
 * wins, so `a; ;b #c` is cut at ` #c` (1st `#`) and not at ` ;b` (2nd `;`). Reader and writer
 * checks both call this, so they cannot disagree.
 */
export function inlineCommentStart(line: string): number {
  // most lines hold neither prefix
  if (!line.includes(';') && !line.includes('#')) return -1;
  let cursors = new Map<string, number>(INLINE_COMMENT_PREFIXES.map((p) => [p, -1]));
  while (cursors.size > 0) {
    let found = -1;
    const next = new Map<string, number>();
    for (const [prefix, from] of cursors) {
      const index = line.indexOf(prefix, from + 1);
      if (index === -1) continue;
      next.set(prefix, index);
      if (index === 0 || pyIsSpace(line[index - 1] ?? '')) {
        if (found === -1 || index < found) found = index;
      }
    }
    if (found !== -1) return found;
    cursors = next;
  }
  return -1;
}

/** The stripped line starts with `#` or `;`: configparser skips the whole line. */
export function isFullLineComment(line: string): boolean {
  const start = pyFirstNonSpace(line);
  return start >= 0 && (COMMENT_PREFIXES as readonly string[]).includes(line[start]!);
}
