import type { Rule } from '../types.js';
import { headerSpan } from '../util.js';
import { groupMembers, sectionsOfKinds } from '../walk.js';

export const emptyGroup: Rule = {
  id: 'empty-group',
  description: 'A `[group:x]` with no `programs`: an empty group, silently.',
  severity: 'warning',
  docs: `A group without \`programs=\` (or with an empty one) is valid for supervisord and does
nothing. The intended members then run as standalone programs under their own names.

Bad:
\`\`\`ini
[group:web]
priority=10
\`\`\`

Good:
\`\`\`ini
[group:web]
programs=app
priority=10

[program:app]
command=/usr/bin/app
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const s of sectionsOfKinds(ctx, ['group'])) {
      if (groupMembers(s.get('programs')).length) continue;
      report({ ...headerSpan(s.occurrences[0]!), message: `[${s.name}] has no programs: the group is empty` });
    }
  },
};
