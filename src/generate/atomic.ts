/**
 * Replace a file atomically: write a temporary file beside it, flush it, then rename it over
 * the target, so a reader sees the old file or the new one, never half of one.
 */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../core/errors.js';
import { describeFsError } from '../core/fs-errors.js';

export function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode = 0o644;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    // a new file gets the usual mode (then the umask)
  }
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', mode);
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created
    }
    throw new UserError(`cannot write ${path}: ${describeFsError(e)}`);
  }
}
