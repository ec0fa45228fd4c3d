import { statSync } from 'node:fs';
import type { Rule } from '../types.js';
import { sectionsOf, spanOf } from '../util.js';

export const directoryMissing: Rule = {
  id: 'directory-missing',
  description: "(--host) A program's `directory=` does not exist on this machine.",
  severity: 'warning',
  docs: `supervisord does not check a program's \`directory=\` when it reads the file; the child
fails to change into it at spawn time (\`couldn't chdir to DIR\`) and the program ends FATAL.
Checked with \`--host\` only.

Bad:
\`\`\`ini
[program:web]
command=/bin/sleep 60
directory=/no/such/folder/here
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/bin/sleep 60
directory=/
\`\`\``,
  host: true,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !ctx.host) return;
    for (const p of sectionsOf(ctx)) {
      if (p.directory === null || p.directory === '') continue;
      let ok = false;
      try {
        ok = statSync(p.directory).isDirectory();
      } catch {
        ok = false;
      }
      if (!ok) report({ ...(spanOf(ctx, p.sectionName, 'directory') ?? p.at), message: `[${p.sectionName}] directory ${p.directory} does not exist here: the child will fail with "couldn't chdir" and end FATAL` });
    }
  },
};
