import type { Rule } from '../types.js';
import { sectionsOf, spanOf } from '../util.js';
import { ownLogChannels } from '../walk.js';

export const autoLogNoRollover: Rule = {
  id: 'auto-log-no-rollover',
  description: 'An AUTO child log with maxbytes 0 grows without limit in childlogdir.',
  severity: 'warning',
  docs: `\`*_logfile=AUTO\` (the default) writes into \`childlogdir\` (/tmp by default). With
\`*_logfile_maxbytes=0\` it is never rotated and can fill the disk; supervisord logs a WARN for
it at startup. Set a size, or send the output to \`/dev/stdout\` or \`NONE\`.

Bad:
\`\`\`ini
[program:web]
command=/usr/bin/web
stdout_logfile_maxbytes=0
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
stdout_logfile_maxbytes=50MB
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const p of sectionsOf(ctx)) {
      for (const ch of ownLogChannels(p)) {
        if (p[ch].file !== 'AUTO' || p[ch].maxbytes !== 0) continue;
        report({ ...(spanOf(ctx, p.sectionName, `${ch}_logfile_maxbytes`) ?? p.at), message: `[${p.sectionName}] uses an AUTO ${ch} log without rollover (${ch}_logfile_maxbytes=0): it grows without limit; set a size, or ${ch}_logfile=/dev/stdout or NONE` });
      }
    }
  },
};
