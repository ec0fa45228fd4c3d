// `[supervisord] user=`: supervisord's set_uid_or_exit before anything starts, and the lines it
// logs about the user it runs as.
import { systemHost } from '../config/host.js';
import { UserError } from '../core/errors.js';

const CRIT_ROOT = 'Supervisor is running as root.  Privileges were not dropped because no user is '
  + 'specified in the config file.  If you intend to run as root, you can set user=root in the config '
  + 'file to avoid this message.';

type Users = () => readonly { name: string; uid: number; gid: number }[];

const currentUid = (): number => (typeof process.getuid === 'function' ? process.getuid() : 0);

/** supervisord's set_uid_or_exit for `[supervisord] user=`: null, or the refusal text. */
function dropPrivileges(uid: number, hostUsers: Users): string | null {
  const current = currentUid();
  if (current === uid) return null;
  if (current !== 0) return "Can't drop privilege as nonroot user";
  const entry = hostUsers().find((u) => u.uid === uid);
  if (!entry) return `Can't find uid ${uid}`;
  try {
    // node's process gains these on POSIX only
    const posix = process as NodeJS.Process & {
      initgroups?: (user: string, extraGroup: number) => void;
      setgid?: (id: number) => void;
      setuid?: (id: number) => void;
    };
    posix.initgroups?.(entry.name, entry.gid);
    posix.setgid?.(entry.gid);
    posix.setuid?.(uid);
  } catch (e) {
    return `Could not set user id of process: ${(e as Error).message}`;
  }
  return null;
}

/**
 * Switches to `uid` (null: stay) or refuses with a UserError, as supervisord does before it
 * logs anything; returns what it logs about it: the CRIT for root without `user=`, the INFO of
 * a switch.
 */
export function takeUser(uid: number | null): { crit: string | null; info: string | null } {
  if (uid === null) return { crit: currentUid() === 0 ? CRIT_ROOT : null, info: null };
  const refused = dropPrivileges(uid, () => systemHost().users());
  if (refused) throw new UserError(refused);
  return { crit: null, info: `Set uid to user ${uid} succeeded` };
}
