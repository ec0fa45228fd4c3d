import type { Rule } from '../types.js';
import { argvOf, runsShell, shellScript } from '../command-util.js';
import { spanOf, sectionsOf } from '../util.js';

export const wrapperWithoutStopasgroup: Rule = {
  id: 'wrapper-without-stopasgroup',
  description: '`sh -c` wrapper without `exec` or `stopasgroup=true`: stopping kills the shell and orphans the program.',
  severity: 'warning',
  docs: `supervisord signals the process it started. With \`command=sh -c '...'\`, that is the shell:
the real program is its child, does not get SIGTERM, and survives a stop or restart (an orphan
holding ports and files). Start the last command with \`exec\` so it replaces the shell, or set
\`stopasgroup=true\` (and \`killasgroup=true\`) to signal the whole process group.

Bad:
\`\`\`ini
[program:web]
command=sh -c 'cd /srv; ./web'
\`\`\`

Good:
\`\`\`ini
[program:web]
command=sh -c 'cd /srv; exec ./web'
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    const sections = sectionsOf(ctx);
    for (let i = 0; i < sections.length; i++) {
      const p = sections[i]!;
      if (p.stopasgroup || !runsShell(p.command)) continue;
      const argv = argvOf(p.command);
      const script = argv ? shellScript(argv) : null;
      if (script === null) continue;
      if (/(^|[;&|\n({]\s*)exec\s/.test(script)) continue;
      // A single simple command: most shells exec it themselves (dash and bash do).
      if (!/[;&|\n()]/.test(script.trim())) continue;
      report({ ...(spanOf(ctx, p.sectionName, 'command') ?? p.at), message: `[${p.sectionName}] runs a shell wrapper without exec or stopasgroup=true: on stop the shell dies and its child keeps running; start the last command with exec, or set stopasgroup=true` });
    }
  },
};
