import { createHash } from 'node:crypto';
import { isAbsolute, normalize, resolve } from 'node:path';
import type { ResolvedServer } from '../../config/types.js';
import type { Rule } from '../types.js';
import { sectionHeaderAt, spanOf } from '../util.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function passwordMatches(serverPassword: string, clientPassword: string): boolean {
  if (serverPassword.startsWith('{SHA}')) return createHash('sha1').update(clientPassword).digest('hex') === serverPassword.slice(5).toLowerCase();
  return serverPassword === clientPassword;
}

export const serverurlMismatch: Rule = {
  id: 'serverurl-mismatch',
  description: "supervisorctl's `serverurl` (or its default) does not reach any server of this file, or its credentials do not match.",
  severity: 'warning',
  docs: `supervisorctl reads \`[supervisorctl] serverurl\` (default \`http://localhost:9001\`) and
does not look at the server sections. A socket path that differs from \`[unix_http_server]
file\`, a path without \`unix://\` (\`Unknown protocol\`), a port nothing listens on, or a missing
or different username/password (\`Server requires authentication\`) all make supervisorctl fail.

Bad:
\`\`\`ini
[supervisord]

[unix_http_server]
file=/run/supervisor.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix:///var/run/supervisor.sock
\`\`\`

Good:
\`\`\`ini
[supervisord]

[unix_http_server]
file=/run/supervisor.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix:///run/supervisor.sock
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || ctx.mode !== 'full' || !ctx.config) return;
    const servers = ctx.config.servers;
    if (servers.length === 0) return;
    const ctl = ctx.config.ctl;
    const url = ctl?.serverurl ?? 'http://localhost:9001';
    const at = spanOf(ctx, 'supervisorctl', 'serverurl') ?? sectionHeaderAt(ctx, 'supervisorctl') ?? sectionHeaderAt(ctx, servers[0]!.section) ?? servers[0]!.at;
    const sockets = servers.filter((s): s is Extract<ResolvedServer, { kind: 'unix' }> => s.kind === 'unix');
    const inets = servers.filter((s): s is Extract<ResolvedServer, { kind: 'inet' }> => s.kind === 'inet');
    const absolute = (p: string) => normalize(isAbsolute(p) ? p : resolve(ctx.cwd, p));
    const implicit = ctl?.serverurl ? '' : ctl ? ' (no serverurl in [supervisorctl], so supervisorctl uses http://localhost:9001)' : ' (no [supervisorctl] section, so supervisorctl uses http://localhost:9001)';
    let target: ResolvedServer | undefined;
    if (url.startsWith('unix://')) {
      const path = absolute(url.slice('unix://'.length));
      target = sockets.find((s) => absolute(s.file) === path);
      if (!target) {
        const files = sockets.map((s) => s.file);
        report({ ...at, message: `serverurl ${url} does not match ${files.length ? `the socket file ${files.join(', ')}` : 'any [unix_http_server] (there is none)'}: supervisorctl will not reach supervisord${files.length ? `; write serverurl=unix://${absolute(files[0]!)}` : ''}` });
        return;
      }
    } else if (/^https?:\/\//.test(url)) {
      const m = /^https?:\/\/(\[[^\]]*\]|[^/:]*)(?::(\d+))?/.exec(url);
      const host = (m?.[1] ?? '').toLowerCase();
      const port = Number(m?.[2] ?? 80);
      target = inets.find((s) => s.port === port && (s.host === '' || s.host === '*' || s.host === '0.0.0.0' || s.host === host || (LOOPBACK.has(s.host) && LOOPBACK.has(host))));
      if (!target) {
        const alt = sockets[0] ? `unix://${absolute(sockets[0].file)}` : inets[0] ? `http://${inets[0].host && inets[0].host !== '*' ? inets[0].host : 'localhost'}:${inets[0].port}` : '';
        report({ ...at, message: `serverurl ${url}${implicit} does not reach any HTTP server of this file: supervisorctl will fail to connect${alt ? `; write [supervisorctl] serverurl=${alt}` : ''}` });
        return;
      }
    } else {
      report({ ...at, message: `serverurl ${url} has no unix:// or http:// scheme: supervisorctl fails with "Unknown protocol for serverurl"` });
      return;
    }
    if (target.username !== null) {
      const ctlAt = sectionHeaderAt(ctx, 'supervisorctl') ?? at;
      if (!ctl?.username || ctl.password === null) {
        report({ ...ctlAt, message: `[${target.section}] requires a username and password but [supervisorctl] gives none: supervisorctl gets "Server requires authentication"` });
      } else if (ctl.username !== target.username || (target.password !== null && !passwordMatches(target.password, ctl.password))) {
        report({ ...(spanOf(ctx, 'supervisorctl', 'username') ?? ctlAt), message: `[supervisorctl] username/password do not match [${target.section}]: supervisorctl gets "Server requires authentication"` });
      }
    }
  },
};
