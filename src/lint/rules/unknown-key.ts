import { optionKeys, optionSpec, sectionSpecFor } from '../../catalogue/index.js';
import type { Rule } from '../types.js';
import { allBlocks, closest, didYouMean, keySpan } from '../util.js';

export const unknownKey: Rule = {
  id: 'unknown-key',
  description: 'A key supervisord does not know in this section; it is ignored silently.',
  severity: 'warning',
  docs: `supervisord ignores every key it does not know, without a word. A typo such as
\`auto_restart\` or \`stdout_log\` therefore leaves the option at its default, and the config
looks right while it is not. The check uses the option catalogue of the section's type and
suggests the closest known key. (\`[rpcinterface:x]\` is checked by \`rpcinterface-extra-key\`.)

Bad:
\`\`\`ini
[program:web]
command=/usr/bin/web
auto_restart=true
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
autorestart=true
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const b of allBlocks(ctx.docs)) {
      if (b.isDefault) continue;
      const match = sectionSpecFor(b.name);
      if (!match) continue;
      const kind = match.spec.kind;
      if (match.spec.extraKeys === 'passed-on') continue;
      for (const e of b.entries) {
        if (e.key === '' || e.rawKey.startsWith('[')) continue;
        if (optionSpec(kind, e.key)) continue;
        const hint = closest(e.key.replace(/[\s-]+/g, '_'), optionKeys(kind));
        report({
          ...keySpan(e),
          message: `Unknown key '${e.rawKey}' in [${b.name}]: ${match.spec.readBySupervisord ? 'supervisord' : 'supervisorctl'} ignores it${didYouMean(hint)}`,
        });
      }
    }
  },
};
