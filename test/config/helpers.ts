// Helpers for the resolver's unit tests: resolve INI text held in memory, with a fake host.
import { loadConfig, type LoadResult } from '../../src/config/load.js';
import type { HostProbe } from '../../src/config/host.js';
import type { ResolveContext } from '../../src/config/types.js';

export const MAIN = '/virtual/s.conf';

export interface FakeHostOptions {
  users?: Array<[string, number, number]>;
  groups?: Array<[string, number]>;
  dirs?: string[];
  uid?: number;
}

export function fakeHost(o: FakeHostOptions = {}): HostProbe {
  const users = (o.users ?? [['root', 0, 0], ['www-data', 33, 33]]).map(([name, uid, gid]) => ({ name, uid, gid, home: `/home/${name}` }));
  const groups = (o.groups ?? [['root', 0], ['www-data', 33]]).map(([name, gid]) => ({ name, gid }));
  const dirs = new Set(o.dirs ?? ['/', '/tmp', '/virtual', '/var/log']);
  // ancestors of a listed folder exist too
  for (const d of [...dirs]) for (let i = d.indexOf('/', 1); i > 0; i = d.indexOf('/', i + 1)) dirs.add(d.slice(0, i));
  // like the OS: walk the path as written, so `missing/..` fails where `missing` does not exist
  const isDir = (p: string): boolean => {
    if (!p.startsWith('/')) return false;
    let cur = '';
    for (const part of p.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') cur = cur.slice(0, Math.max(0, cur.lastIndexOf('/')));
      else {
        cur = `${cur}/${part}`;
        if (!dirs.has(cur)) return false;
      }
    }
    return true;
  };
  return {
    users: () => users,
    groups: () => groups,
    isDir,
    isWritableDir: isDir,
    uid: () => o.uid ?? 0,
  };
}

export function ctxOf(over: Partial<ResolveContext> = {}): ResolveContext {
  return { env: {}, hostname: 'box', cwd: '/virtual', host: false, allowFragment: false, ...over };
}

/** Resolves `text` as the main file /virtual/s.conf (other files: `extra`). */
export function resolveText(text: string, over: Partial<ResolveContext> = {}, extra: Record<string, string> = {}): LoadResult {
  const files: Record<string, string> = { [MAIN]: text, ...extra };
  return loadConfig(MAIN, ctxOf(over), (p) => {
    const t = files[p];
    if (t === undefined) throw Object.assign(new Error(`no ${p}`), { code: 'ENOENT' });
    return t;
  });
}

/** `line:column message` of every diagnostic. */
export function located(r: LoadResult): string[] {
  return r.result.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`);
}

export const SV = '[supervisord]\n';
export const sfx = (section: string): string => ` in section '${section}' (file: '${MAIN}')`;
