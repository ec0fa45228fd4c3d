import type { Rule } from '../types.js';
import { headerSpan } from '../util.js';

export const nestedInclude: Rule = {
  id: 'nested-include',
  description: 'An `[include]` inside an included file is ignored.',
  severity: 'warning',
  docs: `Only the main config file's \`[include]\` is followed. An \`[include]\` section in a file
that was itself included is merged like any section and never read: the files it names are not
loaded, without a warning. Move the pattern to the main file.

Bad (in conf.d/app.conf, included by supervisord.conf):
\`\`\`ini
[include]
files = more/*.conf
\`\`\`

Good (in supervisord.conf):
\`\`\`ini
[include]
files = conf.d/*.conf conf.d/more/*.conf
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const doc of ctx.docs.slice(1)) {
      for (const b of doc.sections) {
        if (b.name !== 'include') continue;
        report({ ...headerSpan(b), message: `[include] in an included file is ignored: only ${ctx.displayPath(ctx.mainFile)}'s [include] is followed` });
      }
    }
  },
};
