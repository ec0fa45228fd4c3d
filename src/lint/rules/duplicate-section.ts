import type { IniSectionBlock } from '../../ini/types.js';
import type { Rule } from '../types.js';
import { headerSpan, pushTo } from '../util.js';
import { blocksOf, repeatedSectionNames } from '../walk.js';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'The same section header appears twice; supervisord merges them silently, later keys win.',
  severity: 'warning',
  docs: `supervisord reads files with \`strict=False\`: a repeated \`[program:web]\` reopens the
first one, and its keys override the earlier ones, with no warning. That is almost always a
copy-paste mistake (two programs meant to be different), and it also happens across
\`[include]\`d files. Both places are reported.

Bad:
\`\`\`ini
[program:web]
command=/usr/bin/web --port 8000

[program:web]
command=/usr/bin/web --port 8001
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web --port 8000

[program:web2]
command=/usr/bin/web --port 8001
\`\`\``,
  check(ctx, report) {
    // [DEFAULT] blocks are the only ones named DEFAULT, and they are not reported
    if (ctx.kind !== 'ini' || ![...repeatedSectionNames(ctx)].some((name) => name !== 'DEFAULT')) return;
    const byName = new Map<string, IniSectionBlock[]>();
    for (const b of blocksOf(ctx)) {
      if (b.isDefault) continue;
      pushTo(byName, b.name, b);
    }
    const where = (b: IniSectionBlock) => `${ctx.displayPath(b.file)}:${b.pos.line}`;
    for (const [name, blocks] of byName) {
      if (blocks.length < 2) continue;
      const first = blocks[0]!;
      report({ ...headerSpan(first), message: `Section [${name}] is repeated at ${blocks.slice(1).map(where).join(', ')}: supervisord merges the copies and the later keys win` });
      for (const b of blocks.slice(1)) {
        report({ ...headerSpan(b), message: `Section [${name}] was already opened at ${where(first)}: supervisord merges the copies and keys here override the earlier ones` });
      }
    }
  },
};
