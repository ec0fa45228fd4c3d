import type { Rule } from '../types.js';
import { sectionsOf, spanOf } from '../util.js';
import type { ResolvedProcess } from '../../config/types.js';

export const STREAM = /^\/(dev\/(stdout|stderr|fd\/\d+|tty\w*|console|pts\/\d+)|proc\/(self|\d+)\/fd\/\d+)$/;

export const logRotationOnStream: Rule = {
  id: 'log-rotation-on-stream',
  description: 'A log file that is a stream (/dev/stdout, /proc/self/fd/1) with rotation on: rotation fails.',
  severity: 'warning',
  docs: `Logging a child to \`/dev/stdout\` (the usual container setup) only works with rotation
off: supervisord tries to seek and rotate the "file" when it reaches \`*_logfile_maxbytes\`
(default 50MB) and fails with \`Illegal seek\`. Set \`stdout_logfile_maxbytes=0\` (and
\`stderr_logfile_maxbytes=0\`).

Bad:
\`\`\`ini
[program:web]
command=/usr/bin/web
stdout_logfile=/dev/stdout
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
stdout_logfile=/dev/stdout
stdout_logfile_maxbytes=0
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    const checkChannel = (p: ResolvedProcess, ch: 'stdout' | 'stderr'): void => {
      const log = p[ch];
      if (log.file === null || log.maxbytes === 0 || log.file === 'AUTO' || !STREAM.test(log.file)) return;
      report({
        ...(spanOf(ctx, p.sectionName, `${ch}_logfile_maxbytes`) ?? spanOf(ctx, p.sectionName, `${ch}_logfile`) ?? p.at),
        message: `[${p.sectionName}] logs ${ch} to ${log.file} with ${ch}_logfile_maxbytes=${log.maxbytes}: rotating a stream fails (Illegal seek); set ${ch}_logfile_maxbytes=0`,
      });
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
