import type { Rule } from '../types.js';
import { sectionsOf, spanOf } from '../util.js';
import type { ResolvedProcess } from '../../config/types.js';
import { anyWritten } from '../walk.js';

const MAXBYTES = ['stdout_logfile_maxbytes', 'stderr_logfile_maxbytes'];
const NONZERO_SIZE = /^\s*0*[1-9]\d*\s*(?:kb|mb|gb)?\s*$/i;

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
    // maxbytes is 50MB unless written, and a plain size like 20MB is not 0
    if (ctx.kind !== 'ini' || !anyWritten(ctx, MAXBYTES, (e) => !NONZERO_SIZE.test(e.value))) return;
    const checkChannel = (p: ResolvedProcess, ch: 'stdout' | 'stderr'): void => {
      if (p[ch].file !== 'AUTO' || p[ch].maxbytes !== 0) return;
      report({ ...(spanOf(ctx, p.sectionName, `${ch}_logfile_maxbytes`) ?? p.at), message: `[${p.sectionName}] uses an AUTO ${ch} log without rollover (${ch}_logfile_maxbytes=0): it grows without limit; set a size, or ${ch}_logfile=/dev/stdout or NONE` });
    };
    const sections = sectionsOf(ctx);
    for (let i = 0; i < sections.length; i++) {
      const p = sections[i]!;
      // the channels with a log of their own (ownLogChannels), without a list per section
      checkChannel(p, 'stdout');
      if (!p.redirectStderr) checkChannel(p, 'stderr');
    }
  },
};
