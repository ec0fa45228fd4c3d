// What the child's chdir and execve would fail with, found before the fork, so that the failure
// is reported as supervisord's child reports it (stand-in.ts) rather than as node would.
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

let binfmtMiscInUse: boolean | undefined;

/** Registered binfmt_misc handlers run files the kernel would otherwise refuse. */
function binfmtMisc(): boolean {
  if (binfmtMiscInUse === undefined) {
    try {
      binfmtMiscInUse = readdirSync('/proc/sys/fs/binfmt_misc').some((n) => n !== 'register' && n !== 'status');
    } catch {
      binfmtMiscInUse = false;
    }
  }
  return binfmtMiscInUse;
}

/**
 * What execve(path) would fail with that node (or the shim) would not report as supervisord does,
 * or null: ENOEXEC (libuv and perl use execvp, which runs a file without `#!` or an ELF header
 * through /bin/sh, where supervisord's execve fails), and ENOENT for a `#!` interpreter that is
 * missing (known before the fork, so the failure is the stand-in's, as it has always been).
 */
export function execProblem(path: string, cwd: string): 'ENOEXEC' | 'ENOENT' | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null; // unreadable (x-only): the kernel decides
  }
  try {
    const head = Buffer.alloc(256);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n >= 2 && head[0] === 0x23 && head[1] === 0x21) {
      const text = head.subarray(2, n).toString('latin1');
      const nl = text.indexOf('\n');
      if (nl === -1 && n === head.length) return null; // a long line: the kernel decides
      const interp = /^[ \t]*([^ \t\n]+)/.exec(nl === -1 ? text : text.slice(0, nl))?.[1];
      if (interp === undefined) return null;
      try {
        statSync(resolve(cwd, interp));
        return null;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'ENOENT' : null;
      }
    }
    if (n >= 4 && head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return null;
    return binfmtMisc() ? null : 'ENOEXEC';
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** What chdir(dir) would fail with, or null. */
export function chdirError(dir: string): string | null {
  try {
    return statSync(dir).isDirectory() ? null : 'ENOTDIR';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? 'EIO';
  }
}
