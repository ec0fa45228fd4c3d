import type { Rule } from '../types.js';
import { joinedArgv, unquoted } from '../command-util.js';
import { sectionsOf, spanOf } from '../util.js';

/**
 * Whether the split command can hold `horizon` or `queue:`, which every finding needs. Saves
 * splitting thousands of commands that run something else.
 */
const mentionsQueue = (command: string | null): boolean => command !== null && /horizon|queue:/.test(unquoted(command));

export const stopwaitsecsShort: Rule = {
  id: 'stopwaitsecs-short',
  description: 'A queue worker whose stopwaitsecs is shorter than the job it may be finishing: it is SIGKILLed mid-job.',
  severity: 'warning',
  docs: `On stop or restart (every deploy), supervisord sends \`stopsignal\`, waits \`stopwaitsecs\`
(default 10) and then SIGKILLs. A queue worker finishing a job when the signal arrives is
killed mid-job if the job takes longer: Laravel's \`queue:work\` allows jobs \`--timeout\` seconds
(default 60) and Laravel's documentation asks for a \`stopwaitsecs\` greater than the longest job
(3600 for Horizon). The check knows \`artisan queue:work\` / \`queue:listen\` / \`horizon\`.

Bad:
\`\`\`ini
[program:queue]
command=/usr/bin/php /srv/app/artisan queue:work --timeout=120
\`\`\`

Good:
\`\`\`ini
[program:queue]
command=/usr/bin/php /srv/app/artisan queue:work --timeout=120
stopwaitsecs=130
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    const sections = sectionsOf(ctx);
    for (let i = 0; i < sections.length; i++) {
      const p = sections[i]!;
      if (!mentionsQueue(p.command)) continue;
      const flat = joinedArgv(p.command);
      // what is needed is 3600s at most, unless a --timeout asks for more
      if (p.stopwaitsecs >= 3600 && !flat.includes('--timeout')) continue;
      let needed: number | undefined;
      let why = '';
      if (flat.includes('horizon') && /\bartisan\b.*\bhorizon\b/.test(flat) && !flat.includes('horizon:')) {
        needed = 3600;
        why = 'Horizon finishes running jobs on stop; Laravel recommends stopwaitsecs=3600 (longer than your longest job)';
      } else if (/\bqueue:(work|listen)\b/.test(flat)) {
        const t = /--timeout[= ](\d+)/.exec(flat);
        const timeout = t ? Number(t[1]) : 60;
        if (timeout === 0) continue;
        needed = timeout + 1;
        why = `queue jobs may run ${timeout}s (--timeout${t ? '' : ' default'})`;
      }
      if (needed === undefined || p.stopwaitsecs >= needed) continue;
      report({ ...(spanOf(ctx, p.sectionName, 'stopwaitsecs') ?? spanOf(ctx, p.sectionName, 'command') ?? p.at), message: `[${p.sectionName}] stopwaitsecs=${p.stopwaitsecs}, but ${why}: a job still running at stop is SIGKILLed; set stopwaitsecs to at least ${needed}` });
    }
  },
};
