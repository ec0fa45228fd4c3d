import type { Rule } from '../types.js';
import { valuePartSpan } from '../util.js';
import { groupMembers, keysIn } from '../walk.js';

export const programInTwoGroups: Rule = {
  id: 'program-in-two-groups',
  description: 'A program listed in two `[group:x]` sections runs twice.',
  severity: 'warning',
  docs: `A \`[program:x]\` named in the \`programs=\` of two groups becomes a member of both, and
supervisord starts it once per group: two copies of the same worker, silently.

Bad:
\`\`\`ini
[group:web]
programs=app

[group:all]
programs=app

[program:app]
command=/usr/bin/app
\`\`\`

Good:
\`\`\`ini
[group:web]
programs=app

[program:app]
command=/usr/bin/app
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    const firstGroup = new Map<string, string>();
    for (const { section: s, entry } of keysIn(ctx, ['group'], ['programs'])) {
      const seenHere = new Set<string>();
      for (const m of groupMembers(entry)) {
        if (seenHere.has(m)) continue;
        seenHere.add(m);
        const prev = firstGroup.get(m);
        if (prev) report({ ...valuePartSpan(entry, m), message: `'${m}' is also a member of [${prev}]: supervisord runs it once in each group` });
        else firstGroup.set(m, s.name);
      }
    }
  },
};
