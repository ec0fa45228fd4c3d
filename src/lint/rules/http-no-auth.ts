import type { Rule } from '../types.js';
import { sectionHeaderAt, spanOf } from '../util.js';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1|\[::1\])$/;

export const httpNoAuth: Rule = {
  id: 'http-no-auth',
  description: 'An `[inet_http_server]` listening beyond loopback without a username and password.',
  severity: 'warning',
  docs: `\`port=9001\`, \`port=*:9001\` or \`port=0.0.0.0:9001\` listen on every interface. Without
\`username\`/\`password\`, anyone who can reach the port can stop, start and reconfigure every
process (and read their logs). supervisord only logs a CRIT line at startup. Listen on
\`127.0.0.1\`, or set credentials.

Bad:
\`\`\`ini
[supervisord]

[inet_http_server]
port=*:9001
\`\`\`

Good:
\`\`\`ini
[supervisord]

[inet_http_server]
port=127.0.0.1:9001
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !ctx.config) return;
    for (const s of ctx.config.servers) {
      if (s.kind !== 'inet' || s.username !== null) continue;
      if (LOOPBACK.test(s.host)) continue;
      const where = s.host === '' || s.host === '*' || s.host === '0.0.0.0' ? 'every interface' : s.host;
      report({ ...(spanOf(ctx, s.section, 'port') ?? sectionHeaderAt(ctx, s.section) ?? s.at), message: `[${s.section}] listens on ${where} (port ${s.port}) without username and password: anyone who reaches it controls every process; bind to 127.0.0.1 or set credentials` });
    }
  },
};
