import { pyFirstNonSpace, pyIsSpaceCode } from './python.js';

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
  let semi = line.indexOf(';');
  let hash = line.indexOf('#');
  // one round per pass: the k-th `;` and the k-th `#` (a prefix with no k-th occurrence is done)
  while (semi !== -1 || hash !== -1) {
    const semiHits = semi !== -1 && (semi === 0 || pyIsSpaceCode(line.charCodeAt(semi - 1)));
    const hashHits = hash !== -1 && (hash === 0 || pyIsSpaceCode(line.charCodeAt(hash - 1)));
    if (semiHits && hashHits) return Math.min(semi, hash);
    if (semiHits) return semi;
    if (hashHits) return hash;
    if (semi !== -1) semi = line.indexOf(';', semi + 1);
    if (hash !== -1) hash = line.indexOf('#', hash + 1);
  }
  return -1;
}

/** The stripped line starts with `#` or `;`: configparser skips the whole line. */
export function isFullLineComment(line: string): boolean {
  const start = pyFirstNonSpace(line);
  return start >= 0 && (COMMENT_PREFIXES as readonly string[]).includes(line[start]!);
}
