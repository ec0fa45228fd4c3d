// supervisord's drop_privileges for a child's `user=`: whether the switch can happen, and the
// ids and supplementary groups it switches to.
import { systemHost, type PasswdEntry } from '../../config/host.js';

/** The ids a child switches to (the shim, or libuv without it, does the switch). */
export interface UserIds {
  uid: number;
  gid: number;
  groups: number[];
}

// The same password and group databases the resolver reads, read once per run.
const host = systemHost();

/**
 * drop_privileges' setgroups list: the primary gid first, then every group of /etc/group that
 * names the user as a member (grp.getgrall order).
 */
function userGroups(entry: PasswdEntry): number[] {
  return [entry.gid, ...host.groups().filter((g) => g.members?.includes(entry.name)).map((g) => g.gid)];
}

/**
 * drop_privileges' refusal (the first thing in supervisord's child), or null to go on; `ids`
 * when the user must change.
 */
export function setuidProblem(uid: number | null): { message: string | null; ids?: UserIds } {
  if (uid === null || typeof process.getuid !== 'function') return { message: null };
  const me = process.getuid();
  if (uid === me) return { message: null };
  const entry = host.users().find((u) => u.uid === uid) ?? null;
  if (entry === null) return { message: `couldn't setuid to ${uid}: Can't find uid ${uid}` };
  if (me !== 0) return { message: `couldn't setuid to ${uid}: Can't drop privilege as nonroot user` };
  return { message: null, ids: { uid, gid: entry.gid, groups: userGroups(entry) } };
}
