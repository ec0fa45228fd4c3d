// supervisord's FileHandler / RotatingFileHandler (loggers.py), shared by the child logs and the
// main log. Writes are synchronous, like supervisord's: one write per record (a whole pipe read
// for a child), then the rollover check, so a file can exceed maxbytes by one write.
import { closeSync, existsSync, fstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';

export interface RotatingFileOptions {
  /** 0 (or less): never rotate, the file grows (supervisord then uses a plain FileHandler). */
  maxbytes: number;
  /** Number of `.N` backups; 0 truncates the file in place at each rollover. */
  backups: number;
}

const ignoreMissing = (fn: () => void): void => {
  try {
    fn();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
};

export class RotatingFile {
  readonly path: string;
  readonly maxbytes: number;
  readonly backups: number;
  private fd: number | null;

  /** Opens `path` in append mode (created 0666 & ~umask); throws the open error (with `.code`). */
  constructor(path: string, options: RotatingFileOptions) {
    this.path = path;
    this.maxbytes = options.maxbytes;
    this.backups = options.backups;
    this.fd = openSync(path, 'a');
  }

  get closed(): boolean {
    return this.fd === null;
  }

  /** Appends `data` (one record) and rotates if the file has reached maxbytes. */
  write(data: Uint8Array | string): void {
    if (this.fd === null) return;
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    this.rolloverIfNeeded();
  }

  /** RotatingFileHandler.doRollover. */
  private rolloverIfNeeded(): void {
    if (this.maxbytes <= 0 || this.fd === null) return;
    // supervisord compares stream.tell(); with an append-mode file that is the file's size
    if (fstatSync(this.fd).size < this.maxbytes) return;
    closeSync(this.fd);
    this.fd = null;
    if (this.backups > 0) {
      for (let i = this.backups - 1; i >= 1; i--) {
        const from = `${this.path}.${i}`;
        if (existsSync(from)) this.removeAndRename(from, `${this.path}.${i + 1}`);
      }
      this.removeAndRename(this.path, `${this.path}.1`);
    }
    // supervisord reopens with 'wb': truncates (backups=0) or creates the fresh file
    this.fd = openSync(this.path, 'w');
  }

  private removeAndRename(from: string, to: string): void {
    if (existsSync(to)) ignoreMissing(() => unlinkSync(to));
    ignoreMissing(() => renameSync(from, to));
  }

  /** SIGUSR2 / logreopen: close and open the same path again in append mode. */
  reopen(): void {
    this.close();
    this.fd = openSync(this.path, 'a');
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
