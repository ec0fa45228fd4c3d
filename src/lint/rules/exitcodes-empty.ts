import type { IniEntry } from '../../ini/types.js';
import type { Rule } from '../types.js';
import { keySpan } from '../util.js';
import { anyWritten, keysIn, PROCESS_KINDS } from '../walk.js';

const isEmpty = (e: IniEntry): boolean => e.value.trim() === '';

export const exitcodesEmpty: Rule = {
  id: 'exitcodes-empty',
  description: '`exitcodes=` empty: no exit is ever "expected", not even 0.',
  severity: 'warning',
  docs: `An empty \`exitcodes=\` is accepted and means an empty list: with
\`autorestart=unexpected\` every exit, including a clean \`exit 0\`, counts as unexpected and
restarts the program. Write the codes you expect (\`exitcodes=0\` is the default).

Bad:
\`\`\`ini
[program:job]
command=/usr/bin/job
exitcodes=
\`\`\`

Good:
\`\`\`ini
[program:job]
command=/usr/bin/job
exitcodes=0
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !anyWritten(ctx, ['exitcodes'], isEmpty)) return;
    for (const { section: s, entry: e } of keysIn(ctx, PROCESS_KINDS, ['exitcodes'])) {
      if (!isEmpty(e)) continue;
      report({ ...keySpan(e), message: `[${s.name}] exitcodes is empty: no exit status is expected, not even 0; write exitcodes=0` });
    }
  },
};
