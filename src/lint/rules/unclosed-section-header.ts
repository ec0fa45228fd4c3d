import type { Rule } from '../types.js';
import { keySpan } from '../util.js';
import { writtenKeys } from '../walk.js';

export const unclosedSectionHeader: Rule = {
  id: 'unclosed-section-header',
  description: 'A `[section` without its `]` is read as a key, and the keys below land in the previous section.',
  severity: 'warning',
  docs: `configparser only sees a header when the line starts with \`[\` and has a \`]\`.
\`[program:b\` contains a \`:\`, so it is read as the key \`[program\` with the value \`b\` in the
section above, and every key below it goes to that section too (overriding its command, for
instance).

Bad:
\`\`\`ini
[program:a]
command=/usr/bin/a

[program:b
command=/usr/bin/b
\`\`\`

Good:
\`\`\`ini
[program:a]
command=/usr/bin/a

[program:b]
command=/usr/bin/b
\`\`\``,
  check(ctx, report) {
    // a key is its raw key lowercased, so it starts with '[' when the raw key does
    if (ctx.kind !== 'ini' || ![...writtenKeys(ctx).keys()].some((k) => k.startsWith('['))) return;
    for (const doc of ctx.docs) {
      for (const e of doc.entries) {
        if (!e.rawKey.startsWith('[') || e.rawKey.includes(']')) continue;
        const line = doc.lines[e.keyPos.line - 1]?.trim() ?? e.rawKey;
        report({
          ...keySpan(e),
          endColumn: e.keyPos.column + [...line].length,
          message: `'${line}' has no closing ']': supervisord reads it as the key '${e.key}' in [${e.section}], and the keys below it also land in [${e.section}]`,
        });
      }
    }
  },
};
