/**
 * Kept expansions travel through quoting (command argv, environment) as placeholders that no
 * quoting rule touches; literal `%` is escaped after quoting, then the expansions come back.
 */
import { escapePercent } from '../codecs/expansion.js';
import type { Segment } from './percent.js';

const OPEN = '\uE000';
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

/** Escape literal `%` for `passes` expansions, then put the kept expansions back. */
export function release(text: string, expansions: readonly string[], passes: 0 | 1 | 2): string {
  return escapePercent(text, passes).replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_, i: string) => expansions[Number(i)]!);
}
