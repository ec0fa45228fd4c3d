import { unrecognisedBlocks } from '../section-names.js';
import type { Rule } from '../types.js';
import { headerSpan } from '../util.js';

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
    for (const { block: b, intended } of unrecognisedBlocks(ctx)) {
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
