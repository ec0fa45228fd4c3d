import type { Rule } from '../types.js';
import { valueSpan } from '../util.js';
import { keysIn, PROCESS_KINDS } from '../walk.js';

export const numprocsZero: Rule = {
  id: 'numprocs-zero',
  description: '`numprocs` of 0 or less: the section defines no process at all, silently.',
  severity: 'warning',
  docs: `supervisord accepts \`numprocs=0\` (and negatives): the program simply has no process, and
even a missing \`command\` is not noticed. It is usually a template variable that came out
empty or wrong.

Bad:
\`\`\`ini
[program:worker]
command=/usr/bin/worker
numprocs=0
\`\`\`

Good:
\`\`\`ini
[program:worker]
command=/usr/bin/worker
numprocs=1
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const { section: s, entry: e } of keysIn(ctx, PROCESS_KINDS, ['numprocs'])) {
      if (!/^\s*[-+]?\d+\s*$/.test(e.value) || Number(e.value) > 0) continue;
      report({ ...valueSpan(e), message: `[${s.name}] numprocs=${e.value.trim()}: this section starts no process at all` });
    }
  },
};
