import { unrecognisedBlocks } from '../section-names.js';
import type { Rule } from '../types.js';
import { headerSpan } from '../util.js';

export const miscasedSection: Rule = {
  id: 'miscased-section',
  description: 'A section name with the wrong case; supervisord compares names exactly and ignores it.',
  severity: 'warning',
  docs: `Keys are case-insensitive in supervisord's INI files, but section names are not:
\`[Program:web]\` or \`[SUPERVISORD]\` are not the sections they look like. supervisord ignores
them silently (a missing \`[supervisord]\` then stops it: \`.ini file does not include supervisord
section\`).

Bad:
\`\`\`ini
[Program:web]
command=/usr/bin/web
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const { block: b, intended } of unrecognisedBlocks(ctx)) {
      if (intended?.why !== 'case') continue;
      report({ ...headerSpan(b), message: `Section [${b.name}] is ignored: section names are case-sensitive; write [${intended.header}]` });
    }
  },
};
