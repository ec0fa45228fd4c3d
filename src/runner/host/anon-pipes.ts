// Real pipes (pipe(2)) for the children's stdin, stdout and stderr, as supervisord's os.pipe()
// gives them. libuv only makes AF_UNIX socketpairs for a child's stdio, and node has no pipe(2):
// a child opening /dev/stdout (= /proc/self/fd/1) on a socket gets ENXIO, and
// `readlink /proc/self/fd/1` says `socket:[N]` instead of `pipe:[N]`.
//
// How the runner gets anonymous pipes without pipe(2): a short-lived helper (perl) makes a batch
// of pipes and forks a holder that keeps them open; the runner opens each one through
// /proc/HOLDER/fd/N (opening a pipe's magic link gives a new open file of the same anonymous
// pipe, which is how /dev/stdout works on pipes), twice: once read-only, once write-only. Then
// the holder is killed, so the runner's two ends are the pipe's only ones. Every end is opened
// close-on-exec (libuv's fs open always adds O_CLOEXEC) and in blocking mode: the child's end
// stays blocking as with os.pipe(); the runner's end becomes non-blocking when libuv adopts it
// (each open has its own file status flags). FIFOs would also be pipes, but
// /proc/PID/fd/1 would name the FIFO's path instead of `pipe:[N]`.
//
// One helper per batch; the pool keeps the rest for the next children. takePipes returns null
// (the caller falls back to libuv's socketpairs) when there is no perl, or when /proc/PID/fd
// cannot be opened (e.g. a /proc mounted with hidepid).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { shimInterpreter } from './exec-shim.js';

export interface PipeEnds {
  /** Read end, close-on-exec. */
  rd: number;
  /** Write end, close-on-exec. */
  wr: number;
}

// Batches grow (32, 64, ... 256) so that one child costs few idle fds and 200 children few
// helpers: a helper costs about 10 ms, each pipe about 0.15 ms more (two opens through /proc).
const FIRST_BATCH = 32;
const LAST_BATCH = 256;
let batch = FIRST_BATCH;
// The holder sleeps at most this long if the runner dies before killing it.
const FACTORY = 'my@p;for(1..$ARGV[0]){pipe(my$r,my$w)or last;push@p,$r,$w}my$c=fork;exit 1 unless defined$c;'
  + 'if($c){print join(" ",$c,map{fileno$_}@p);exit 0}'
  + 'open STDIN,"<","/dev/null";open STDOUT,">","/dev/null";open STDERR,">","/dev/null";sleep 30';

const pool: PipeEnds[] = [];
let broken = false;

/** close(2) that ignores an fd already closed. */
export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

function refill(count: number): boolean {
  const perl = shimInterpreter();
  if (perl === null || broken) return false;
  const r = spawnSync(perl, ['-e', FACTORY, String(count)], { env: {}, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const words = r.status === 0 ? r.stdout.trim().split(' ').map(Number) : [];
  const [holder, ...fds] = words;
  if (holder === undefined || !(holder > 0) || fds.length < 2) {
    broken = true;
    return false;
  }
  const made: PipeEnds[] = [];
  try {
    for (let i = 0; i + 1 < fds.length; i += 2) {
      const rd = openSync(`/proc/${holder}/fd/${fds[i]}`, 'r');
      let wr: number;
      try {
        wr = openSync(`/proc/${holder}/fd/${fds[i + 1]}`, 'w');
      } catch (e) {
        closeSync(rd);
        throw e;
      }
      made.push({ rd, wr });
    }
  } catch {
    for (const p of made) {
      closeQuietly(p.rd);
      closeQuietly(p.wr);
    }
    broken = true;
    made.length = 0;
  } finally {
    try {
      process.kill(holder, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  pool.push(...made);
  return made.length > 0;
}

/** `count` fresh pipes, or null when real pipes cannot be had here. */
export function takePipes(count: number): PipeEnds[] | null {
  while (pool.length < count) {
    if (!refill(Math.max(batch, count))) return null;
    batch = Math.min(batch * 2, LAST_BATCH);
  }
  return pool.splice(0, count);
}

/**
 * Fills the pool ahead of need, so the first spawns do not wait for pipe helpers: the runner
 * calls it during the idle second before its first tick, as supervisord's first poll waits.
 */
export function preparePipes(count: number): void {
  while (pool.length < count) {
    if (!refill(Math.min(Math.max(batch, count - pool.length), LAST_BATCH))) return;
    batch = Math.min(batch * 2, LAST_BATCH);
  }
}

/** Closes the pooled pipes (they are close-on-exec and cost only fds; for tests and shutdown). */
export function drainPipePool(): void {
  for (const p of pool.splice(0)) {
    closeQuietly(p.rd);
    closeQuietly(p.wr);
  }
}

/** Whether takePipes can give real pipes (makes a batch if needed). */
export function realPipesAvailable(): boolean {
  if (pool.length > 0) return true;
  return refill(FIRST_BATCH);
}
