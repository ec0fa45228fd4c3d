import type { Rule } from '../types.js';
import { headerSpan } from '../util.js';
import { SERVER_KINDS, sectionsOfKinds } from '../walk.js';

export const missingRpcinterface: Rule = {
  id: 'missing-rpcinterface',
  description: 'An HTTP server without `[rpcinterface:supervisor]`: supervisorctl cannot control supervisord.',
  severity: 'warning',
  docs: `supervisord runs fine without \`[rpcinterface:supervisor]\`, but its HTTP server then has
no \`supervisor\` namespace and every supervisorctl command fails with \`Sorry, supervisord
responded but did not recognize the supervisor namespace commands\`.

Bad:
\`\`\`ini
[supervisord]

[unix_http_server]
file=/run/supervisor.sock
\`\`\`

Good:
\`\`\`ini
[supervisord]

[unix_http_server]
file=/run/supervisor.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || ctx.mode !== 'full') return;
    if (ctx.ini.section('rpcinterface:supervisor')) return;
    const server = sectionsOfKinds(ctx, SERVER_KINDS)[0];
    if (!server) return;
    report({
      ...headerSpan(server.occurrences[0]!),
      message: `[${server.name}] has no [rpcinterface:supervisor] section: supervisorctl will get "did not recognize the supervisor namespace commands"; add [rpcinterface:supervisor] with supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface`,
    });
  },
};
