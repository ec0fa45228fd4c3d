import type { IniEntry } from '../../ini/types.js';
import type { Rule } from '../types.js';
import { valueSpan } from '../util.js';
import { anyWritten, keysIn, PROCESS_KINDS } from '../walk.js';

const isRoot = (e: IniEntry): boolean => e.value === 'root' || e.value === '0';

export const runAsRoot: Rule = {
  id: 'run-as-root',
  description: 'A program explicitly runs as root.',
  severity: 'warning',
  docs: `\`user=root\` gives the program every privilege on the machine: a bug or an injected
job in a queue worker becomes a root compromise. Run workers as the application user
(\`www-data\`, \`app\`...). Note that \`user=\` does not change \`HOME\` or \`USER\`: set them in
\`environment=\` if the program needs them.

Bad:
\`\`\`ini
[program:worker]
command=/usr/bin/php /srv/app/artisan queue:work
user=root
\`\`\`

Good:
\`\`\`ini
[program:worker]
command=/usr/bin/php /srv/app/artisan queue:work
user=www-data
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !anyWritten(ctx, ['user'], isRoot)) return;
    for (const { section: s, entry: e } of keysIn(ctx, PROCESS_KINDS, ['user'])) {
      if (!isRoot(e)) continue;
      report({ ...valueSpan(e), message: `[${s.name}] runs as root: run it as an unprivileged user (user=www-data, user=app...)` });
    }
  },
};
