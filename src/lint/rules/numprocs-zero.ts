import type { IniEntry } from '../../ini/types.js';
import type { Rule } from '../types.js';
import { valueSpan } from '../util.js';
import { anyWritten, keysIn, PROCESS_KINDS } from '../walk.js';

// a whole number that is not positive is written with a minus sign or only zeros
const noProcess = (e: IniEntry): boolean => (e.value.includes('0') || e.value.includes('-')) && /^\s*[-+]?\d+\s*$/.test(e.value) && !(Number(e.value) > 0);

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
    if (ctx.kind !== 'ini' || !anyWritten(ctx, ['numprocs'], noProcess)) return;
    for (const { section: s, entry: e } of keysIn(ctx, PROCESS_KINDS, ['numprocs'])) {
      if (!noProcess(e)) continue;
      report({ ...valueSpan(e), message: `[${s.name}] numprocs=${e.value.trim()}: this section starts no process at all` });
    }
  },
};
