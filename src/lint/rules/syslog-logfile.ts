import type { IniEntry } from '../../ini/types.js';
import type { Rule } from '../types.js';
import { valueSpan } from '../util.js';
import { anyWritten, keysIn, PROCESS_KINDS } from '../walk.js';

const KEYS = ['stdout_logfile', 'stderr_logfile'];
const isSyslog = (e: IniEntry): boolean => e.value.length === 6 && e.value.toLowerCase() === 'syslog';

export const syslogLogfile: Rule = {
  id: 'syslog-logfile',
  description: '`stdout_logfile=syslog` is deprecated; use `stdout_syslog=true`.',
  severity: 'warning',
  docs: `supervisord 4 still accepts \`*_logfile=syslog\` but logs a deprecation warning and will
drop it. \`stdout_syslog=true\` / \`stderr_syslog=true\` are the supported spelling.

Bad:
\`\`\`ini
[program:web]
command=/usr/bin/web
stdout_logfile=syslog
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
stdout_syslog=true
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !anyWritten(ctx, KEYS, isSyslog)) return;
    for (const { key, entry: e } of keysIn(ctx, PROCESS_KINDS, KEYS)) {
      if (!isSyslog(e)) continue;
      const ch = key.slice(0, -'_logfile'.length);
      report({ ...valueSpan(e), message: `${ch}_logfile=syslog is deprecated and will be removed: use ${ch}_syslog=true (and ${ch}_logfile=NONE if no file is wanted)` });
    }
  },
};
