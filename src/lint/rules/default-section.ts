import type { Rule } from '../types.js';
import { headerSpan, keySpan } from '../util.js';
import { blocksOf, blocksOfKind } from '../walk.js';

export const defaultSection: Rule = {
  id: 'default-section',
  description: '`[DEFAULT]` keys are inherited by every section, and passed to every `[rpcinterface:x]` factory.',
  severity: 'warning',
  docs: `\`[DEFAULT]\` is configparser's, not supervisord's: its keys appear in **every** section.
Besides surprising inheritance (\`autostart=false\` turns off every program), supervisord passes
every key of an \`[rpcinterface:x]\` section, \`[DEFAULT]\` ones included, to the interface
factory, which refuses them: with an HTTP server configured, supervisord exits at startup with
\`Error: Could not make supervisor rpc interface\`. Put shared settings in each section instead
(or generate the file from a workers.yaml with \`defaults:\`).

Bad:
\`\`\`ini
[DEFAULT]
autostart=false

[program:web]
command=/usr/bin/web
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
autostart=false
\`\`\``,
  check(ctx, report) {
    // the merged [DEFAULT] has every [DEFAULT] block as an occurrence
    if (ctx.kind !== 'ini' || ctx.ini.defaults.occurrences.length === 0) return;
    const rpc = [...new Set(blocksOfKind(ctx, 'rpcinterface').map((b) => b.name))];
    for (const b of blocksOf(ctx)) {
      if (!b.isDefault) continue;
      const keys = b.entries.filter((e) => e.key !== '');
      if (rpc.length && keys.length) {
        for (const e of keys) {
          report({
            ...keySpan(e),
            message: `[DEFAULT] key '${e.key}' is also passed to ${rpc.map((r) => `[${r}]`).join(', ')} as an argument: with an HTTP server, supervisord exits at startup ("Could not make supervisor rpc interface")`,
          });
        }
      } else {
        report({ ...headerSpan(b), message: '[DEFAULT] keys are inherited by every section of the file (and its includes); set them in the sections that need them' });
      }
    }
  },
};
