/**
 * Kept expansions travel through quoting (command argv, environment) as placeholders that no
 * quoting rule touches; literal `%` is escaped after quoting, then the expansions come back.
 */
import { escapePercent } from '../codecs/expansion.js';
import type { Segment } from './percent.js';

const OPEN = '\uE000';
/** The character that starts a placeholder. */
export const PLACEHOLDER_OPEN = OPEN;
const CLOSE = '\uE001';

export interface Placeheld {
  /** The text with each expansion replaced by a placeholder. */
  text: string;
  expansions: string[];
}

export function hold(segs: readonly Segment[], expansions: string[] = []): Placeheld {
  let text = '';
  for (const s of segs) {
    if (s.kind === 'text') text += s.text;
    else {
      text += `${OPEN}${expansions.length}${CLOSE}`;
      expansions.push(s.text);
    }
  }
  return { text, expansions };
}

const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

/** Escape literal `%` for `passes` expansions, then put the kept expansions back. */
export function release(text: string, expansions: readonly string[], passes: 0 | 1 | 2): string {
  if (!text.includes('%') && !text.includes(OPEN)) return text;
  const escaped = escapePercent(text, passes);
  if (!escaped.includes(OPEN)) return escaped;
  return escaped.replace(PLACEHOLDER, (_, i: string) => expansions[Number(i)]!);
}
