import type { Rule } from '../types.js';
import { keySpan } from '../util.js';
import { blocksOfKind } from '../walk.js';

const FACTORY = 'supervisor.rpcinterface_factory';

export const rpcinterfaceExtraKey: Rule = {
  id: 'rpcinterface-extra-key',
  description: 'A key besides the factory in `[rpcinterface:x]` is passed to the factory, which makes supervisord exit at startup.',
  severity: 'warning',
  docs: `Every key of an \`[rpcinterface:x]\` section other than
\`supervisor.rpcinterface_factory\` is handed to the factory as a keyword argument. The standard
factory takes none, so supervisord parses the file, then exits at startup with
\`Error: Could not make supervisor rpc interface\` (as soon as an HTTP server is configured).
A typo in the factory key itself ends up here too.

Bad:
\`\`\`ini
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
retries = 3
\`\`\`

Good:
\`\`\`ini
[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const b of blocksOfKind(ctx, 'rpcinterface')) {
      // A third-party factory may take keywords; only the standard one is known to refuse them.
      const factory = ctx.ini.section(b.name)?.get(FACTORY)?.value ?? '';
      if (factory && factory !== 'supervisor.rpcinterface:make_main_rpcinterface') continue;
      for (const e of b.entries) {
        if (e.key === '' || e.key === FACTORY) continue;
        const typo = e.key.replace(/[^a-z]/g, '') === FACTORY.replace(/[^a-z]/g, '') ? ` (did you mean ${FACTORY}?)` : '';
        report({
          ...keySpan(e),
          message: `'${e.key}' in [${b.name}] is passed to the rpc interface factory as an argument: supervisord exits at startup ("Could not make supervisor rpc interface")${typo}`,
        });
      }
    }
  },
};
