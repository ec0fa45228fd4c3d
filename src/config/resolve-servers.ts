/**
 * server_configs_from_parser: every `[inet_http_server*]` section, then every
 * `[unix_http_server*]` one (prefix match). Values are expanded with ENV_ names only, except
 * the unix `file`, which also has `here`.
 */
import type { IniConfigSection } from '../ini/index.js';
import { inetAddressCodec } from '../codecs/inet.js';
import { octalCodec } from '../codecs/octal.js';
import { pyStrip } from '../codecs/python.js';
import type { Names, Resolver } from './context.js';
import { normalizePath, userGroup } from './host.js';
import { RULE_IDS } from './rule-ids.js';
import type { ResolvedServer } from './types.js';

function auth(r: Resolver, section: IniConfigSection, names: Names): { username: string | null; password: string | null } {
  const u = r.read(section, 'username', names);
  const p = r.read(section, 'password', names);
  if ((u.entry !== undefined) !== (p.entry !== undefined)) {
    r.error(
      RULE_IDS.serverAuth,
      `Section [${section.name}] contains incomplete authentication: If a username or a password is specified, both the username and password must be specified`,
      (u.entry ? u : p).pos,
    );
  }
  return { username: u.entry && !u.failed ? u.value : null, password: p.entry && !p.failed ? p.value : null };
}

export function resolveServers(r: Resolver): ResolvedServer[] {
  const out: ResolvedServer[] = [];
  for (const section of r.sectionsStarting('inet_http_server')) {
    const names: Names = { ...r.envNames };
    const creds = auth(r, section, names);
    const portRead = r.read(section, 'port', names);
    if (!portRead.entry) {
      r.error(RULE_IDS.requiredOption, `section [${section.name}] has no port value`, r.sectionPos(section));
      continue;
    }
    const addr = r.parse(inetAddressCodec, portRead);
    if (!addr) continue;
    out.push({ kind: 'inet', section: section.name, host: addr.host, port: addr.port, ...creds, at: r.sectionPos(section) });
  }
  for (const section of r.sectionsStarting('unix_http_server')) {
    const names: Names = { ...r.envNames };
    const fileRead = r.read(section, 'file', { ...names, here: r.here });
    if (!fileRead.entry) r.error(RULE_IDS.requiredOption, `section [${section.name}] has no file value`, r.sectionPos(section));
    const file =
      fileRead.entry && !fileRead.failed ? normalizePath(pyStrip(fileRead.value!), r.ctx.cwd, r.env, r.host) : null;
    const creds = auth(r, section, names);
    const chownRead = r.read(section, 'chown', names);
    let chown: string | null = null;
    if (chownRead.entry && !chownRead.failed) {
      chown = chownRead.value;
      if (r.host && !chownRead.tainted && !userGroup(r.host, chownRead.value!).ok) {
        r.error(RULE_IDS.hostUser, `Invalid sockchown value ${chownRead.value}`, chownRead.pos);
      }
    }
    const chmodRead = r.read(section, 'chmod', names);
    let chmod = 0o700;
    if (chmodRead.entry && !chmodRead.failed && !chmodRead.tainted) {
      const m = octalCodec.parse(chmodRead.value!);
      if (m.ok) chmod = m.value;
      else r.error(RULE_IDS.invalidValue, `Invalid chmod value ${chmodRead.value}`, chmodRead.pos);
    }
    if (file === null) continue;
    out.push({ kind: 'unix', section: section.name, file, chmod, chown, ...creds, at: r.sectionPos(section) });
  }
  return out;
}

/** realize()'s fallback serverurl for children: the first unix server, else an inet one. */
export function fallbackServerUrl(servers: readonly ResolvedServer[]): string | null {
  const unix = servers.find((s) => s.kind === 'unix');
  if (unix && unix.kind === 'unix') return `unix://${unix.file}`;
  let url: string | null = null;
  for (const s of servers) if (s.kind === 'inet') url = `http://${s.host || 'localhost'}:${s.port}`;
  return url;
}
