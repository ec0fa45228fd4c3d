/** Section headers supervisord does not recognise, and what each was probably meant to be. */
import { SECTIONS, sectionSpecFor } from '../catalogue/index.js';
import type { IniSectionBlock } from '../ini/types.js';
import type { IniLintContext } from './types.js';
import { closest } from './util.js';
import { blocksOfKind } from './walk.js';

export type IntendedHeader = { header: string; why: 'case' | 'spaces' | 'typo' };

/** The header a miscased, padded or misspelled section name was probably meant to be. */
export function intendedHeader(name: string): IntendedHeader | undefined {
  const stripped = name.trim();
  if (stripped !== name && sectionSpecFor(stripped)) return { header: stripped, why: 'spaces' };
  const colon = stripped.indexOf(':');
  const head = colon >= 0 ? stripped.slice(0, colon + 1) : stripped;
  const rest = colon >= 0 ? stripped.slice(colon + 1) : '';
  const lowered = head.toLowerCase() + rest;
  if (lowered !== stripped && sectionSpecFor(lowered)) return { header: lowered, why: stripped === name ? 'case' : 'spaces' };
  const headers = SECTIONS.filter((s) => (colon >= 0 ? s.named : !s.named)).map((s) => s.header.replace(/:$/, ''));
  const word = colon >= 0 ? head.slice(0, -1) : head;
  const guess = closest(word.toLowerCase().replace(/\s+/g, ''), headers);
  if (guess) return { header: colon >= 0 ? `${guess}:${rest.trim()}` : guess, why: 'typo' };
  return undefined;
}

export type UnrecognisedBlock = { block: IniSectionBlock; intended: IntendedHeader | undefined };

/** Every header block, in read order, whose name matches no section supervisord reads. */
export function unrecognisedBlocks(ctx: IniLintContext): readonly UnrecognisedBlock[] {
  // two rules ask, each would look at every block of a big file: once per config
  let found = unrecognised.get(ctx.ini);
  if (!found) {
    found = [];
    for (const block of blocksOfKind(ctx, null)) {
      if (block.isDefault) continue;
      found.push({ block, intended: intendedHeader(block.name) });
    }
    unrecognised.set(ctx.ini, found);
  }
  return found;
}

const unrecognised = new WeakMap<object, UnrecognisedBlock[]>();
