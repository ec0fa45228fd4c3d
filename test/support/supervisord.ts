// Test-side access to the real supervisord 4.2.5: its parser (through oracle.py, one Python
// process for many files) and its runtime (a foreground supervisord in a temp folder, stopped and
// cleaned up by us). Compatibility suites compare gen-supervisor against what these return.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { repoRoot, tempDir } from './tmp.js';

export { tempDir, removeTempDirs } from './tmp.js';
export { sessionProcesses } from './procs.js';
import { sessionProcesses } from './procs.js';

export const SUPERVISORD_BIN = '/usr/bin/supervisord';
export const SUPERVISORD_PYTHON = '/usr/bin/python3';
export const SUPERVISORD_VERSION = '4.2.5';
/** The oracle script lives beside this file's source (it is not copied into dist/). */
export const ORACLE_SCRIPT = resolve(repoRoot(), 'test/support/oracle.py');

// ---------------------------------------------------------------------------------------------
// Installation check

let cachedVersion: string | null | undefined;

/** The installed supervisor version (from supervisor's own version.txt), or null. */
export function supervisordVersion(): string | null {
  if (cachedVersion !== undefined) return cachedVersion;
  cachedVersion = null;
  if (existsSync(SUPERVISORD_BIN) && existsSync(SUPERVISORD_PYTHON)) {
    const r = spawnSync(SUPERVISORD_PYTHON, ['-c', 'from supervisor.options import VERSION; print(VERSION)'], {
      encoding: 'utf8',
    });
    if (r.status === 0) cachedVersion = r.stdout.trim() || null;
  }
  return cachedVersion;
}

/** Throws unless supervisord 4.2.5 is installed. Call it in a `before` hook: fail, never skip. */
export function requireSupervisord(): void {
  const v = supervisordVersion();
  if (v !== SUPERVISORD_VERSION) {
    throw new Error(
      `supervisord ${SUPERVISORD_VERSION} is required by this suite but ` +
        (v ? `version ${v} is installed` : `${SUPERVISORD_BIN} (Python package "supervisor") is not installed`) +
        '; run `bash scripts/ensure-supervisord.sh` (as root) or `npm test`, which does it for you',
    );
  }
  if (!existsSync(ORACLE_SCRIPT)) throw new Error(`oracle script missing: ${ORACLE_SCRIPT}`);
}

// ---------------------------------------------------------------------------------------------
// Oracle: supervisor's own parser

/** How to run one config through the oracle. */
export interface OracleOptions {
  /** Laid over the oracle's environment for this file (null removes a variable); %(ENV_X)s sees it. */
  env?: Record<string, string | null>;
  /** Start from an empty environment instead of this process's one. */
  cleanEnv?: boolean;
  /** Working folder while parsing (default: the config's folder). */
  cwd?: string;
}

export interface OracleJob extends OracleOptions {
  path: string;
}

/** One process config as supervisor built it (key names are supervisor's attribute names). */
export interface OracleProcess {
  /** The expanded process_name. */
  name: string;
  kind: 'ProcessConfig' | 'EventListenerConfig' | 'FastCGIProcessConfig';
  command: string;
  environment: Record<string, string> | null;
  directory: string | null;
  /** `user=` resolved to a uid (null when unset). */
  uid: number | null;
  umask: number | null;
  priority: number;
  autostart: boolean;
  autorestart: 'true' | 'false' | 'unexpected';
  startsecs: number;
  startretries: number;
  exitcodes: number[];
  /** Signal name, e.g. "SIGTERM". */
  stopsignal: string;
  stopwaitsecs: number;
  stopasgroup: boolean;
  killasgroup: boolean;
  redirect_stderr: boolean;
  /** A path, "AUTO", or null (NONE/OFF/syslog-only). */
  stdout_logfile: string | null;
  stdout_logfile_maxbytes: number;
  stdout_logfile_backups: number;
  stdout_capture_maxbytes: number;
  stdout_events_enabled: boolean;
  stdout_syslog: boolean;
  stderr_logfile: string | null;
  stderr_logfile_maxbytes: number;
  stderr_logfile_backups: number;
  stderr_capture_maxbytes: number;
  stderr_events_enabled: boolean;
  stderr_syslog: boolean;
  serverurl: string | null;
}

export interface OracleGroup {
  name: string;
  type: 'ProcessGroupConfig' | 'EventListenerPoolConfig' | 'FastCGIGroupConfig';
  priority: number;
  processes: OracleProcess[];
  /** Event listener pools only. */
  events?: string[];
  buffer_size?: number;
  /** "module:function". */
  result_handler?: string;
  /** fcgi-program groups only. */
  socket?: { url: string; backlog: number | null; path?: string; mode?: number | null; owner?: number[] | null };
}

export interface OracleServer {
  /** "unix" or "inet". */
  family: 'unix' | 'inet';
  section: string;
  name: string | null;
  username: string | null;
  password: string | null;
  /** inet only. */
  host?: string;
  port?: number;
  /** unix only (absolute). */
  file?: string;
  chown?: [number, number];
  chmod?: number;
}

/** The resolved [supervisord] values. */
export interface OracleSupervisord {
  logfile: string;
  logfile_maxbytes: number;
  logfile_backups: number;
  /** "CRIT" | "ERRO" | "WARN" | "INFO" | "DEBG" | "TRAC" | "BLAT". */
  loglevel: string;
  pidfile: string;
  umask: number;
  nodaemon: boolean;
  silent: boolean;
  minfds: number;
  minprocs: number;
  nocleanup: boolean;
  childlogdir: string;
  user: string | null;
  uid: number | null;
  gid: number | null;
  directory: string | null;
  strip_ansi: boolean;
  identifier: string;
  environment: Record<string, string> | null;
  /** The fallback serverurl given to children (first unix server, else first inet one). */
  serverurl: string | null;
  rpcinterfaces: { name: string; factory: string; config: Record<string, string> }[];
}

export interface OracleResult {
  /** Absolute path given to `supervisord -c` (so messages show it absolute). */
  path: string;
  version: string;
  accepted: boolean;
  /** 0 accepted, 2 refused (supervisord's usage exit), 1 crashed. */
  exitCode: number;
  /** On refusal: supervisord's `Error: ...` line(s), without `For help, use supervisord -h`. */
  error: string | null;
  /** `error` without its leading `Error: `. */
  message: string | null;
  /** Everything written to stderr while parsing. */
  stderr: string;
  /** A Python traceback when supervisor itself crashed (supervisord would crash too). */
  crash: string | null;
  /** Present when accepted. Groups are in supervisord's start order. */
  groups?: OracleGroup[];
  servers?: OracleServer[];
  supervisord?: OracleSupervisord;
  /** Logged at startup as WARN / INFO / CRIT. */
  warnings?: string[];
  infos?: string[];
  criticals?: string[];
}

/** Parses one config with supervisor's ServerOptions.realize(). */
export async function oracleParse(path: string, opts: OracleOptions = {}): Promise<OracleResult> {
  const [r] = await oracleParseMany([path], opts);
  return r!;
}

/** Parses many configs in one Python process; results come back in input order. */
export async function oracleParseMany(
  paths: ReadonlyArray<string | OracleJob>,
  opts: OracleOptions = {},
): Promise<OracleResult[]> {
  if (paths.length === 0) return [];
  const jobs = paths.map((p) => {
    const job: OracleJob = typeof p === 'string' ? { ...opts, path: p } : { ...opts, ...p };
    job.path = resolve(job.path);
    if (job.cwd !== undefined) job.cwd = resolve(job.cwd);
    return job;
  });
  const { code, stdout, stderr } = await runCollect(SUPERVISORD_PYTHON, [ORACLE_SCRIPT, '--batch'], JSON.stringify(jobs));
  if (code !== 0) throw new Error(`oracle.py --batch failed (exit ${code}): ${stderr}`);
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== jobs.length) {
    throw new Error(`oracle.py returned ${lines.length} results for ${jobs.length} files: ${stderr}`);
  }
  return lines.map((l) => JSON.parse(l) as OracleResult);
}

function runCollect(cmd: string, args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(input);
  });
}

// ---------------------------------------------------------------------------------------------
// Runtime: a real supervisord in the foreground

export type LogLevel = 'CRIT' | 'ERRO' | 'WARN' | 'INFO' | 'DEBG' | 'TRAC' | 'BLAT';

export interface LogLine {
  /** Seconds since the first log line (millisecond resolution). */
  time: number;
  level: LogLevel;
  /** The message; continuation lines (multi-line messages) are joined with "\n". */
  message: string;
}

export interface RunOptions {
  /** How long to let it run before sending SIGTERM (the most, when `until` is given). */
  seconds: number;
  /**
   * Send SIGTERM as soon as the console log has a line matching this (tested on `LEVL message`),
   * or for which this returns true. Keeps tests fast and tolerant of a loaded machine.
   */
  until?: RegExp | ((lines: LogLine[]) => boolean);
  /** Extra signals to send to supervisord during the run, `at` seconds after the spawn. */
  signalAt?: { at: number; signal: NodeJS.Signals }[];
  /** Laid over process.env for supervisord (and therefore its children). */
  env?: Record<string, string>;
  /** supervisord's working folder (default: a fresh temp folder). */
  cwd?: string;
  /** After SIGTERM, how long to wait for a clean exit before SIGKILL (default 30 s). */
  graceSeconds?: number;
  /** Read the main log from this file (relative to cwd) instead of the console (for silent=true). */
  logFile?: string;
}

export interface RunResult {
  lines: LogLine[];
  /** supervisord's pid (also its process group and session id). */
  pid: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** True when SIGTERM was not enough and supervisord was SIGKILLed. */
  killed: boolean;
  /** Processes of supervisord's session still alive after it exited (then SIGKILLed by us). */
  leftovers: number[];
  stdout: string;
  stderr: string;
  cwd: string;
}

const LINE_RE = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d),(\d{3}) (CRIT|ERRO|WARN|INFO|DEBG|TRAC|BLAT) (.*)$/;

/** Parses main-log text (`YYYY-MM-DD HH:MM:SS,mmm LEVL message`); times are relative to line 1. */
export function parseLog(text: string): LogLine[] {
  const out: LogLine[] = [];
  let first: number | null = null;
  for (const raw of text.split('\n')) {
    const m = LINE_RE.exec(raw);
    if (!m) {
      const prev = out[out.length - 1];
      if (prev && raw !== '') prev.message += '\n' + raw;
      continue;
    }
    const [, y, mo, d, h, mi, s, ms, level, message] = m;
    const t = new Date(+y!, +mo! - 1, +d!, +h!, +mi!, +s!, +ms!).getTime();
    if (first === null) first = t;
    out.push({ time: (t - first) / 1000, level: level as LogLevel, message: message! });
  }
  return out;
}


/** Waits for `p` at most `ms`; true if it settled in time. Leaves no timer behind. */
function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const t = setTimeout(() => resolvePromise(false), ms);
    void p.then(() => {
      clearTimeout(t);
      resolvePromise(true);
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Runs `/usr/bin/supervisord -n -c CONFIG` in its own session, SIGTERMs it after `seconds`,
 * waits for it (SIGKILL after the grace time), then kills whatever of its session is left.
 */
export async function runSupervisord(configPath: string, opts: RunOptions): Promise<RunResult> {
  requireSupervisord();
  const cwd = opts.cwd ?? tempDir('gs-supervisord-');
  const config = isAbsolute(configPath) ? configPath : resolve(configPath);
  // detached = setsid(): supervisord leads a new session and process group. Its children call
  // setpgrp() (their own groups) but stay in the session, which is how leftovers are found.
  const child = spawn(SUPERVISORD_BIN, ['-n', '-c', config], {
    cwd,
    env: { ...process.env, ...(opts.env ?? {}) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) {
    await new Promise<void>((r) => child.once('error', () => r()));
    throw new Error(`could not start ${SUPERVISORD_BIN}`);
  }
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let reached: () => void = () => {};
  const untilReached = new Promise<void>((r) => (reached = r));
  const until = opts.until;
  const test =
    until === undefined
      ? null
      : until instanceof RegExp
        ? (lines: LogLine[]) => lines.some((l) => until.test(`${l.level} ${l.message}`))
        : until;
  child.stdout.on('data', (b: Buffer) => {
    out.push(b);
    if (test && test(parseLog(Buffer.concat(out).toString('utf8')))) reached();
  });
  child.stderr.on('data', (b: Buffer) => err.push(b));

  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((r) =>
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      r();
    }),
  );
  const closed = new Promise<void>((r) => child.once('close', () => r()));

  const timers: NodeJS.Timeout[] = [];
  for (const s of opts.signalAt ?? []) {
    timers.push(setTimeout(() => exitInfo === null && killQuietly(pid, s.signal), s.at * 1000));
  }
  await within(Promise.race([exited, untilReached]), opts.seconds * 1000);
  timers.forEach(clearTimeout);

  let killed = false;
  if (exitInfo === null) {
    killQuietly(pid, 'SIGTERM');
    const grace = (opts.graceSeconds ?? 30) * 1000;
    await within(exited, grace);
    if (exitInfo === null) {
      killed = true;
      killQuietly(-pid, 'SIGKILL');
      killQuietly(pid, 'SIGKILL');
      await exited;
    }
  }

  const leftovers = sessionProcesses(pid);
  for (const p of leftovers) killQuietly(p, 'SIGKILL');
  for (let i = 0; i < 50 && sessionProcesses(pid).length > 0; i++) await sleep(100);
  const stubborn = sessionProcesses(pid);
  if (stubborn.length > 0) throw new Error(`processes of supervisord's session survived SIGKILL: ${stubborn.join(', ')}`);

  // stdout may still be draining after the exit; never wait forever on it.
  await within(closed, 2000);
  child.stdout.destroy();
  child.stderr.destroy();

  const stdout = Buffer.concat(out).toString('utf8');
  const stderr = Buffer.concat(err).toString('utf8');
  const logText = opts.logFile ? readFileSync(resolve(cwd, opts.logFile), 'utf8') : stdout;
  const info = exitInfo as { code: number | null; signal: NodeJS.Signals | null } | null;
  return {
    lines: parseLog(logText),
    pid,
    exitCode: info?.code ?? null,
    signal: info?.signal ?? null,
    killed,
    leftovers,
    stdout,
    stderr,
    cwd,
  };
}

// ---------------------------------------------------------------------------------------------
// Comparing transcripts

/**
 * `LEVL message` per line with the run-specific parts removed: `with pid 123` -> `with pid PID`,
 * `(pid 123)` -> `(pid PID)`, `(123)` -> `(PID)`, `pid:123` -> `pid:PID`, and the object addresses of
 * DEBG lines (`<Subprocess at 1402...>`) -> `at ADDR`. Timestamps are dropped.
 */
export function normaliseLog(lines: ReadonlyArray<LogLine | string>): string[] {
  return lines.map((l) => {
    const text = typeof l === 'string' ? l : `${l.level} ${l.message}`;
    return text
      .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} /, '')
      .replace(/\bwith pid \d+/g, 'with pid PID')
      .replace(/\(pid \d+\)/g, '(pid PID)')
      .replace(/\(\d+\)/g, '(PID)')
      .replace(/\bpid:\d+/g, 'pid:PID')
      .replace(/ at \d{6,}\b/g, ' at ADDR');
  });
}

// Messages that name a process, and where the name is (supervisor logs the bare process name).
const PROCESS_NAME_PATTERNS: RegExp[] = [
  /^spawned: '(.+)' with pid \d+$/,
  /^success: (\S+) entered RUNNING state/,
  /^exited: (\S+) \(/,
  /^gave up: (\S+) entered FATAL state/,
  /^stopped: (\S+) \(/,
  /^killing '(.+)' \(\d+\) with SIGKILL/,
  /^killing (\S+) \(pid \d+\)/,
  /^waiting for (\S+) to stop$/,
  /^Attempted to kill (\S+), which is in /,
  /^too many open files to spawn '(.+)'$/,
  /^Too many processes in process table to spawn '(.+)'$/,
  /^unknown problem killing (\S+) \(/,
  /^'(.+)' (?:stdout|stderr) output:/,
];

/** The process a log line is about, or null (e.g. `spawnerr:` lines, which name no process). */
export function processOf(line: LogLine): string | null {
  for (const re of PROCESS_NAME_PATTERNS) {
    const m = re.exec(line.message);
    if (m) return m[1]!;
  }
  return null;
}

/** Lines grouped by the process they are about, in log order; lines about no process are left out. */
export function perProcessEvents(lines: ReadonlyArray<LogLine>): Record<string, LogLine[]> {
  const groups: Record<string, LogLine[]> = {};
  for (const line of lines) {
    const name = processOf(line);
    if (name === null) continue;
    (groups[name] ??= []).push(line);
  }
  return groups;
}
