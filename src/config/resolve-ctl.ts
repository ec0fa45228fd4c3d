/**
 * `[supervisorctl]` as supervisorctl reads it (ClientOptions.read_config). supervisord never reads
 * it, so nothing here is a refusal: a value that does not expand is simply left out.
 */
import { expand } from '../codecs/expansion.js';
import type { Resolver } from './context.js';
import { normalizePath } from './host.js';
import type { ResolvedConfig } from './types.js';

export function resolveCtl(r: Resolver): ResolvedConfig['ctl'] {
  const section = r.ini.section('supervisorctl');
  if (!section) return null;
  const get = (key: string, names: Record<string, string>): string | null => {
    const entry = section.get(key);
    if (!entry) return null;
    const e = expand(entry.value, names);
    return e.ok ? e.value : null;
  };
  // supervisorctl's own environment: no [supervisord] environment= names
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.env)) env[`ENV_${k}`] = v;
  let serverurl = section.get('serverurl') ? get('serverurl', { ...env, here: r.here }) : 'http://localhost:9001';
  if (serverurl?.startsWith('unix://')) serverurl = `unix://${normalizePath(serverurl.slice(7), r.ctx.cwd, r.env, r.host)}`;
  return {
    serverurl,
    username: get('username', env),
    password: get('password', env),
    at: r.sectionPos(section),
  };
}
