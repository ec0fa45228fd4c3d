import { SECTIONS, sectionSpecFor } from '../../catalogue/index.js';
import type { Rule } from '../types.js';
import { allBlocks, closest, headerSpan } from '../util.js';

/** The header a miscased, padded or misspelled section name was probably meant to be. */
export function intendedHeader(name: string): { header: string; why: 'case' | 'spaces' | 'typo' } | undefined {
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

export const unknownSection: Rule = {
  id: 'unknown-section',
  description: 'A section name supervisord does not recognise; the whole section is ignored silently.',
  severity: 'warning',
  docs: `supervisord matches section names exactly (or by prefix, like \`program:\`). A misspelled
or padded name (\`[programs:web]\`, \`[ program:web ]\`, \`[prgram:web]\`) matches nothing and the
section is dropped without a word: the program never runs. Miscased names are reported by
\`miscased-section\`.

Bad:
\`\`\`ini
[programs:web]
command=/usr/bin/web
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const b of allBlocks(ctx.docs)) {
      if (b.isDefault || sectionSpecFor(b.name)) continue;
      const intended = intendedHeader(b.name);
      if (intended?.why === 'case') continue;
      const why =
        intended?.why === 'spaces'
          ? `: the spaces inside the brackets are part of the name; write [${intended.header}]`
          : intended
            ? ` (did you mean [${intended.header}]?)`
            : '';
      report({ ...headerSpan(b), message: `Unknown section [${b.name}]: supervisord ignores it and everything in it${why}` });
    }
  },
};
