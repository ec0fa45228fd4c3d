// supervisord's drop_privileges for a child's `user=`: whether the switch can happen, and the
// ids and supplementary groups it switches to.
import { readFileSync } from 'node:fs';

interface PasswdEntry {
  name: string;
  gid: number;
}

/** The ids a child switches to (the shim, or libuv without it, does the switch). */
export interface UserIds {
  uid: number;
  gid: number;
  groups: number[];
}

const passwdCache = new Map<number, PasswdEntry | null>();

/** pwd.getpwuid(uid) from /etc/passwd (name and primary gid); null when the uid has no entry. */
function passwdEntry(uid: number): PasswdEntry | null {
  if (passwdCache.has(uid)) return passwdCache.get(uid)!;
  let entry: PasswdEntry | null = null;
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f.length >= 4 && Number(f[2]) === uid && f[2] !== '') {
        entry = { name: f[0]!, gid: Number(f[3]) };
        break;
      }
    }
  } catch {
    entry = null;
  }
  passwdCache.set(uid, entry);
  return entry;
}

/**
 * drop_privileges' setgroups list: the primary gid first, then every group of /etc/group that
 * names the user as a member (grp.getgrall order).
 */
function userGroups(entry: PasswdEntry): number[] {
  const groups = [entry.gid];
  try {
    for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f.length >= 4 && f[2] !== '' && f[3]!.split(',').includes(entry.name)) groups.push(Number(f[2]));
    }
  } catch {
    // only the primary group
  }
  return groups;
}

/**
 * drop_privileges' refusal (the first thing in supervisord's child), or null to go on; `ids`
 * when the user must change.
 */
export function setuidProblem(uid: number | null): { message: string | null; ids?: UserIds } {
  if (uid === null || typeof process.getuid !== 'function') return { message: null };
  const me = process.getuid();
  if (uid === me) return { message: null };
  const entry = passwdEntry(uid);
  if (entry === null) return { message: `couldn't setuid to ${uid}: Can't find uid ${uid}` };
  if (me !== 0) return { message: `couldn't setuid to ${uid}: Can't drop privilege as nonroot user` };
  return { message: null, ids: { uid, gid: entry.gid, groups: userGroups(entry) } };
}
