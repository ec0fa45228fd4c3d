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
    // many sections share a folder: look each one up once
    const isDirectory = new Map<string, boolean>();
    const sections = sectionsOf(ctx);
    for (let i = 0; i < sections.length; i++) {
      const p = sections[i]!;
      if (p.directory === null || p.directory === '') continue;
      let ok = isDirectory.get(p.directory);
      if (ok === undefined) {
        try {
          ok = statSync(p.directory).isDirectory();
        } catch {
          ok = false;
        }
        isDirectory.set(p.directory, ok);
      }
      if (!ok) report({ ...(spanOf(ctx, p.sectionName, 'directory') ?? p.at), message: `[${p.sectionName}] directory ${p.directory} does not exist here: the child will fail with "couldn't chdir" and end FATAL` });
    }
  },
};
