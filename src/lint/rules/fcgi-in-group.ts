import type { Rule } from '../types.js';
import { valuePartSpan } from '../util.js';
import { groupMembers, keysIn } from '../walk.js';

export const fcgiInGroup: Rule = {
  id: 'fcgi-in-group',
  description: 'An `[fcgi-program:x]` listed in a `[group:x]` loses its socket.',
  severity: 'warning',
  docs: `supervisord only creates the FastCGI socket for an \`[fcgi-program:x]\` that is its own
group. Listed in a \`[group:x]\`, it becomes a plain process: the socket is never created
(its socket keys are not even checked), and the program gets no fd 0 to accept on.

Bad:
\`\`\`ini
[group:web]
programs=php

[fcgi-program:php]
command=/usr/bin/php-cgi
socket=unix:///run/php.sock
\`\`\`

Good:
\`\`\`ini
[fcgi-program:php]
command=/usr/bin/php-cgi
socket=unix:///run/php.sock
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const { section: s, entry: e } of keysIn(ctx, ['group'], ['programs'])) {
      for (const m of groupMembers(e)) {
        if (!ctx.ini.section(`fcgi-program:${m}`) || ctx.ini.section(`program:${m}`)) continue;
        report({ ...valuePartSpan(e, m), message: `[fcgi-program:${m}] is a member of [${s.name}]: as a group member its socket is never created` });
      }
    }
  },
};
