import type { Rule } from '../types.js';
import { programOf } from '../command-util.js';
import { commandPartSpan, sectionsOf, spanOf } from '../util.js';

export const relativeCommand: Rule = {
  id: 'relative-command',
  description: 'A command path relative to `directory=` (supervisord looks it up from its own folder), or `~` in `directory=`.',
  severity: 'warning',
  docs: `supervisord finds the program **before** it changes into \`directory=\`, relative to its own
working directory, so \`command=./artisan\` or \`bin/worker\` with \`directory=/srv/app\` gives
\`can't find command\` and the program ends FATAL. \`directory=~/app\` is not expanded either
(\`couldn't chdir\`). Use absolute paths.

Bad:
\`\`\`ini
[program:worker]
command=bin/worker
directory=/srv/app
\`\`\`

Good:
\`\`\`ini
[program:worker]
command=/srv/app/bin/worker
directory=/srv/app
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    const sections = sectionsOf(ctx);
    for (let i = 0; i < sections.length; i++) {
      const p = sections[i]!;
      if (p.directory !== null && p.directory.startsWith('~')) {
        report({ ...(spanOf(ctx, p.sectionName, 'directory') ?? p.at), message: `[${p.sectionName}] directory=${p.directory}: supervisord does not expand '~' here, so the child fails with "couldn't chdir"; write the full path` });
      }
      if (p.directory === null) continue;
      const prog = programOf(p.command);
      if (!prog || prog.startsWith('/') || !prog.includes('/')) continue;
      report({ ...commandPartSpan(ctx, p, prog), message: `[${p.sectionName}] command ${prog} is relative: supervisord looks for it from its own working directory, not from directory=${p.directory}; write ${p.directory.replace(/\/$/, '')}/${prog.replace(/^\.\//, '')}` });
    }
  },
};
