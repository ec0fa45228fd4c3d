/**
 * What supervisord asks of the machine while it parses (only consulted with `ctx.host`): the
 * password and group databases, folders, the temp folder. Python semantics: `pwd`, `grp`,
 * `os.path.expanduser`, `os.path.isdir`, `tempfile.gettempdir`.
 */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { pyInt } from '../codecs/python.js';
import { fail, ok, type Result } from '../codecs/types.js';
import { pySplit } from './pyglob.js';

export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
  /** user names listed as members (the fourth field) */
  members?: readonly string[];
}

/** The machine as supervisord sees it; `systemHost()` reads the real one. */
export interface HostProbe {
  users(): readonly PasswdEntry[];
  groups(): readonly GroupEntry[];
  /**
   * os.path.isdir of an absolute path exactly as given: the OS walks every component, so
   * `missing/../run` is no folder when `missing` does not exist (never normalise first).
   */
  isDir(path: string): boolean;
  /** A folder tempfile would accept (exists and is writable). */
  isWritableDir(path: string): boolean;
  /** os.getuid() */
  uid(): number;
}

function readDb(path: string): string[][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('+') && !l.startsWith('-'))
    .map((l) => l.split(':'));
}

export function systemHost(): HostProbe {
  let users: PasswdEntry[] | null = null;
  let groups: GroupEntry[] | null = null;
  const dirs = new Map<string, boolean>();
  return {
    users() {
      users ??= readDb('/etc/passwd')
        .filter((f) => f.length >= 7)
        .map((f) => ({ name: f[0]!, uid: Number(f[2]), gid: Number(f[3]), home: f[5]! }));
      return users;
    },
    groups() {
      groups ??= readDb('/etc/group')
        .filter((f) => f.length >= 3)
        .map((f) => ({ name: f[0]!, gid: Number(f[2]), members: f[3] ? f[3].split(',') : [] }));
      return groups;
    },
    isDir(path) {
      // asked again for every process of a section (their log folder): one stat per path
      let known = dirs.get(path);
      if (known === undefined) {
        try {
          known = statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
        } catch {
          known = false;
        }
        dirs.set(path, known);
      }
      return known;
    },
    isWritableDir(path) {
      try {
        if (!statSync(path).isDirectory()) return false;
        accessSync(path, constants.W_OK | constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    uid() {
      return typeof process.getuid === 'function' ? process.getuid() : 0;
    },
  };
}

/** supervisor.datatypes.name_to_uid */
export function nameToUid(host: HostProbe, name: string): Result<number> {
  const asInt = pyInt(name, 10);
  if (asInt.ok) {
    const uid = Number(asInt.value);
    return host.users().some((u) => u.uid === uid) ? ok(uid) : fail(`Invalid user id ${name}`);
  }
  if (name.includes('\0')) return fail('embedded null character');
  const entry = host.users().find((u) => u.name === name);
  return entry ? ok(entry.uid) : fail(`Invalid user name ${name}`);
}

/** supervisor.datatypes.name_to_gid */
export function nameToGid(host: HostProbe, name: string): Result<number> {
  const asInt = pyInt(name, 10);
  if (asInt.ok) {
    const gid = Number(asInt.value);
    return host.groups().some((g) => g.gid === gid) ? ok(gid) : fail(`Invalid group id ${name}`);
  }
  const entry = host.groups().find((g) => g.name === name);
  return entry ? ok(entry.gid) : fail(`Invalid group name ${name}`);
}

/** supervisor.datatypes.colon_separated_user_group: (uid, gid), gid -1 when only a user. */
export function userGroup(host: HostProbe, text: string): Result<[number, number]> {
  const bad = fail<[number, number]>(`Invalid user:group definition ${text}`);
  const colon = text.indexOf(':');
  const user = nameToUid(host, colon < 0 ? text : text.slice(0, colon));
  if (!user.ok) return bad;
  if (colon < 0) return ok([user.value, -1]);
  const group = nameToGid(host, text.slice(colon + 1));
  return group.ok ? ok([user.value, group.value]) : bad;
}

export function gidForUid(host: HostProbe, uid: number): number | null {
  return host.users().find((u) => u.uid === uid)?.gid ?? null;
}

/** os.path.expanduser, with HOME from supervisord's environment. */
export function expandUser(path: string, env: Record<string, string | undefined>, host: HostProbe | null): string {
  if (!path.startsWith('~')) return path;
  let i = path.indexOf('/', 1);
  if (i < 0) i = path.length;
  let home: string | undefined;
  if (i === 1) {
    home = env.HOME;
    if (home === undefined) {
      if (!host) return path;
      const me = host.uid();
      home = host.users().find((u) => u.uid === me)?.home;
      if (home === undefined) return path;
    }
  } else {
    if (!host) return path;
    const name = path.slice(1, i);
    home = host.users().find((u) => u.name === name)?.home;
    if (home === undefined) return path;
  }
  home = home.replace(/\/+$/, '');
  return home + path.slice(i) || '/';
}

/** os.path.normpath(os.path.abspath(os.path.expanduser(v))) relative to `cwd`. */
export function normalizePath(v: string, cwd: string, env: Record<string, string | undefined>, host: HostProbe | null): string {
  const expanded = expandUser(v, env, host);
  const abs = resolvePath(cwd, expanded);
  // posix normpath keeps a leading '//' (exactly two slashes)
  if (expanded.startsWith('//') && !expanded.startsWith('///')) return '/' + abs;
  return abs;
}

/**
 * A relative path as the OS resolves it against supervisord's cwd: joined, not normalised.
 * path.resolve would drop `missing/..` lexically, where os.path.isdir fails on the missing folder.
 */
export function joinUnnormalised(cwd: string, path: string): string {
  if (path.startsWith('/')) return path;
  return cwd.endsWith('/') ? cwd + path : `${cwd}/${path}`;
}

/** supervisor.datatypes.existing_dirpath: the folder part (if any) must exist. */
export function existingDirpath(
  v: string,
  cwd: string,
  env: Record<string, string | undefined>,
  host: HostProbe,
): Result<string> {
  const nv = expandUser(v, env, host);
  const [dir] = pySplit(nv);
  if (!dir) return ok(nv);
  if (host.isDir(joinUnnormalised(cwd, dir))) return ok(nv);
  return fail(`The directory named as part of the path ${v} does not exist`);
}

/** supervisor.datatypes.existing_directory */
export function existingDirectory(
  v: string,
  cwd: string,
  env: Record<string, string | undefined>,
  host: HostProbe,
): Result<string> {
  const nv = expandUser(v, env, host);
  if (nv !== '' && host.isDir(joinUnnormalised(cwd, nv))) return ok(nv);
  return fail(`${v} is not an existing directory`);
}

/** tempfile.gettempdir(): TMPDIR, TEMP, TMP, /tmp, /var/tmp, /usr/tmp, then the cwd. */
export function tempDirFor(env: Record<string, string | undefined>, cwd: string, host: HostProbe | null): string {
  const candidates: string[] = [];
  for (const name of ['TMPDIR', 'TEMP', 'TMP']) {
    const v = env[name];
    if (v) candidates.push(v);
  }
  candidates.push('/tmp', '/var/tmp', '/usr/tmp');
  if (!host) return resolvePath(cwd, candidates[0]!);
  for (const c of candidates) {
    const abs = c === '.' ? cwd : resolvePath(cwd, c);
    if (host.isWritableDir(abs)) return abs;
  }
  return cwd;
}
