import type { Rule } from '../types.js';
import { sectionHeaderAt } from '../util.js';
import { SERVER_KINDS, sectionsOfKinds } from '../walk.js';

export const missingControlServer: Rule = {
  id: 'missing-control-server',
  description: 'No `[unix_http_server]` or `[inet_http_server]`: supervisorctl has nothing to talk to.',
  severity: 'warning',
  docs: `Without an HTTP server section, supervisord runs its programs but cannot be controlled:
\`supervisorctl status\`, \`restart\` and \`reread\` all fail to connect. (In a container where
nothing ever calls supervisorctl this is fine; disable the rule there.)

Bad:
\`\`\`ini
[supervisord]
nodaemon=true

[program:web]
command=/usr/bin/web
\`\`\`

Good:
\`\`\`ini
[supervisord]
nodaemon=true

[unix_http_server]
file=/run/supervisor.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix:///run/supervisor.sock

[program:web]
command=/usr/bin/web
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || ctx.mode !== 'full') return;
    if (sectionsOfKinds(ctx, SERVER_KINDS).length) return;
    const at = sectionHeaderAt(ctx, 'supervisord');
    if (!at) return;
    report({ ...at, message: 'No [unix_http_server] or [inet_http_server] section: supervisorctl cannot reach this supervisord' });
  },
};
