import type { Rule } from '../types.js';
import { entryOf, sectionsOf, valueSpan } from '../util.js';

export const redirectStderrWithLogfile: Rule = {
  id: 'redirect-stderr-with-logfile',
  description: '`redirect_stderr=true` together with a `stderr_logfile`: the file is ignored.',
  severity: 'warning',
  docs: `With \`redirect_stderr=true\` the child's stderr goes into its stdout log, and
\`stderr_logfile\` is ignored (supervisord only logs a WARN line at startup). Its folder must
still exist, though. Drop one of the two.

Bad:
\`\`\`ini
[program:web]
command=/usr/bin/web
redirect_stderr=true
stderr_logfile=/var/log/web.err
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
redirect_stderr=true
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    const sections = sectionsOf(ctx);
    for (let i = 0; i < sections.length; i++) {
      const p = sections[i]!;
      if (!p.redirectStderr) continue;
      const e = entryOf(ctx, p.sectionName, 'stderr_logfile');
      if (!e || ['', 'auto', 'none', 'off', 'syslog'].includes(e.value.toLowerCase())) continue;
      report({ ...valueSpan(e), message: `[${p.sectionName}] sets redirect_stderr=true, so stderr_logfile ${e.value} is ignored: stderr goes to the stdout log` });
    }
  },
};
