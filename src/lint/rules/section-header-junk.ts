import type { Rule } from '../types.js';
import { headerSpan, textSpan } from '../util.js';
import { blocksOf } from '../walk.js';

export const sectionHeaderJunk: Rule = {
  id: 'section-header-junk',
  description: 'Text after a section header\'s `]` is silently ignored (or extends the name to a later `]`).',
  severity: 'warning',
  docs: `configparser takes the section name up to the **last** \`]\` of the line and ignores what
follows. \`[program:a] autostart=false\` opens \`[program:a]\` and drops the key;
\`[program:a] [x]\` opens a section named \`program:a] [x\`.

Bad:
\`\`\`ini
[program:web] autostart=false
command=/usr/bin/web
\`\`\`

Good:
\`\`\`ini
[program:web]
autostart=false
command=/usr/bin/web
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    const blocks = blocksOf(ctx);
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.junk) {
        report({
          ...textSpan(b.file, b.junk.pos.line, b.junk.pos.column, b.junk.text),
          message: `'${b.junk.text}' after the section header [${b.name}] is ignored by supervisord`,
        });
      } else if (b.name.includes(']')) {
        report({ ...headerSpan(b), message: `The section name runs to the last ']' on the line: this is the section [${b.name}]` });
      }
    }
  },
};
