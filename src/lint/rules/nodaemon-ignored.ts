import type { Rule } from '../types.js';
import { valueSpan } from '../util.js';
import { keysIn } from '../walk.js';

export const nodaemonIgnored: Rule = {
  id: 'nodaemon-ignored',
  description: '`[supervisord] umask` or `directory` with `nodaemon=true`: they only apply when daemonizing.',
  severity: 'warning',
  docs: `supervisord applies its own \`umask\` and changes into \`directory\` only when it daemonizes.
In the foreground (\`nodaemon=true\`, the container setup) both are silently ignored, and the
files it creates get the inherited umask. Set the umask of each program (\`umask=\`) or of the
container instead.

Bad:
\`\`\`ini
[supervisord]
nodaemon=true
umask=002
\`\`\`

Good:
\`\`\`ini
[supervisord]
nodaemon=true
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || ctx.mode !== 'full' || !ctx.config?.supervisord.nodaemon) return;
    for (const { key, entry: e } of keysIn(ctx, ['supervisord'], ['umask', 'directory'])) {
      report({ ...valueSpan(e), message: `[supervisord] ${key}= has no effect with nodaemon=true (it only applies when supervisord daemonizes)` });
    }
  },
};
