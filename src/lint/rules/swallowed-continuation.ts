import type { Rule } from '../types.js';
import { textSpan } from '../util.js';

export const swallowedContinuation: Rule = {
  id: 'swallowed-continuation',
  description: 'An indented line that looks like a key or a section is read as part of the value above.',
  severity: 'warning',
  docs: `A line indented deeper than the key above it continues that key's value. So an
indented \`autostart=false\` under \`command=...\` is not a key at all: the command becomes
\`/usr/bin/web\\nautostart=false\` (extra arguments) and autostart stays at its default. An
indented \`[program:b]\` is swallowed the same way.

Bad:
\`\`\`ini
[program:web]
command=/usr/bin/web
  autostart=false
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
autostart=false
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const doc of ctx.docs) {
      for (const s of doc.swallowed) {
        const what = s.looksLike === 'header' ? 'a section header' : 'a key';
        report({
          ...textSpan(doc.file, s.line, s.column, s.text),
          message: `This indented line looks like ${what} but is read as part of the value of '${s.entry.key}' (line ${s.entry.keyPos.line}): remove the indentation`,
        });
      }
    }
  },
};
