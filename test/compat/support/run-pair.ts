// Runs one config under the real supervisord 4.2.5 and under `gen-supervisor run` at the same
// time (each in its own temp folder and session), and turns both transcripts into what the
// equivalence suite compares: per-process event sequences, the lines that name no process, the
// boot order and the stop order.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  normaliseLog, oracleParse, parseLog, perProcessEvents, processOf, runSupervisord, sessionProcesses, tempDir,
  type LogLine, type RunResult,
} from '../../support/supervisord.js';
import { repoRoot } from '../../support/tmp.js';

export const CLI = join(repoRoot(), 'dist/src/cli/main.js');

/** A predicate over the transcript so far; it may also act (e.g. kill a child) as lines arrive. */
export type Until = RegExp | ((lines: LogLine[]) => boolean);

export interface SideOptions {
  /** --for for the runner, `seconds` for supervisord. */
  seconds: number;
  /** SIGTERM as soon as this holds (tested on `LEVL message`, like the harness). */
  until?: Until;
  env?: Record<string, string>;
}

export interface Side {
  lines: LogLine[];
  /** Live processes of the supervisor's session once it had exited (then SIGKILLed). */
  leftovers: number[];
  exitCode: number | null;
  /** Seconds from spawning the supervisor to its exit. */
  wall: number;
  /** The supervisor's pid. */
  pid: number;
  cwd: string;
  /** Whatever the supervisor wrote on stderr. */
  stderr: string;
}

const LOG_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (CRIT|ERRO|WARN|INFO|DEBG|TRAC|BLAT) /;
/** The runner's console prefix of child output (`name | text`); supervisord never shows it. */
const CHILD_OUTPUT = /^\S+\s*\| /;

/**
 * Keeps the main-log part of the runner's console: log lines and their continuation lines, not
 * the children's prefixed output nor the --for summary. Fed chunk by chunk, so a child that
 * writes megabytes does not make us hold them.
 */
export class ConsoleLogFilter {
  private pending = '';
  private kept: string[] = [];
  private inLog = false;
  private inSummary = false;

  push(chunk: string): void {
    this.pending += chunk;
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) !== -1) {
      this.line(this.pending.slice(0, nl));
      this.pending = this.pending.slice(nl + 1);
    }
    // a partial child-output line can be long: drop it early, it is never a log line
    if (this.pending.length > 4096 && !LOG_LINE.test(this.pending)) this.pending = '';
  }

  private line(raw: string): void {
    if (this.inSummary) return;
    if (LOG_LINE.test(raw)) {
      this.inLog = true;
      this.kept.push(raw);
    } else if (raw === '' ) {
      this.inLog = false;
    } else if (/^PROCESS\s+STATE\s/.test(raw)) {
      this.inSummary = true;
    } else if (this.inLog && !CHILD_OUTPUT.test(raw)) {
      this.kept.push(raw);
    } else {
      this.inLog = false;
    }
  }

  text(): string {
    return this.kept.join('\n') + '\n';
  }

  lineCount(): number {
    return this.kept.length;
  }
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // gone
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function untilTest(until: Until | undefined): ((lines: LogLine[]) => boolean) | null {
  if (until === undefined) return null;
  if (until instanceof RegExp) return (lines) => lines.some((l) => until.test(`${l.level} ${l.message}`));
  return until;
}

/**
 * `node dist/src/cli/main.js run CONFIG --for Ns` in its own session (like the harness runs
 * supervisord), SIGTERMed early when `until` holds; killed (with its session) if it is still
 * there 20 s after the end of --for.
 */
export async function runRunner(
  configPath: string,
  cwd: string,
  opts: SideOptions & { extraArgs?: string[]; /** SIGTERM this many seconds after the spawn. */ termAfter?: number },
): Promise<Side> {
  const t0 = performance.now();
  // fd 20 open (not close-on-exec) in the runner, as a caller's extra pipe or a jobserver fd
  // would be: supervisord closes such fds in its children, and so must the runner.
  const probe = openSync('/dev/null', 'r');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [CLI, 'run', configPath, '--for', `${opts.seconds}s`, ...(opts.extraArgs ?? [])], {
      cwd,
      env: { ...process.env, ...(opts.env ?? {}) },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', ...new Array<'ignore'>(17).fill('ignore'), probe],
    });
  } finally {
    closeSync(probe);
  }
  const pid = child.pid!;
  const stdout = child.stdout!;
  const stderrStream = child.stderr!;
  const filter = new ConsoleLogFilter();
  let stderr = '';
  const test = untilTest(opts.until);
  let signalled = false;
  stdout.setEncoding('utf8');
  let termTimer: NodeJS.Timeout | null = null;
  if (opts.termAfter !== undefined) termTimer = setTimeout(() => killQuietly(pid, 'SIGTERM'), opts.termAfter * 1000);
  stdout.on('data', (s: string) => {
    const before = filter.lineCount();
    filter.push(s);
    if (filter.lineCount() === before) return;
    if (test && !signalled && test(parseLog(filter.text()))) {
      signalled = true;
      killQuietly(pid, 'SIGTERM');
    }
  });
  stderrStream.setEncoding('utf8');
  stderrStream.on('data', (s: string) => (stderr += s));
  const closed = new Promise<number | null>((r) => child.once('close', (code) => r(code)));
  const timer = setTimeout(() => {
    killQuietly(-pid, 'SIGKILL');
    killQuietly(pid, 'SIGKILL');
  }, (opts.seconds + 20) * 1000);
  const exitCode = await closed;
  clearTimeout(timer);
  if (termTimer) clearTimeout(termTimer);
  const wall = (performance.now() - t0) / 1000;
  const leftovers = sessionProcesses(pid);
  for (const p of leftovers) killQuietly(p, 'SIGKILL');
  for (let i = 0; i < 50 && sessionProcesses(pid).length > 0; i++) await sleep(100);
  return { lines: parseLog(filter.text()), leftovers, exitCode, wall, pid, cwd, stderr };
}

/** supervisord through the harness, with the same shape as runRunner's result. */
export async function runReal(configPath: string, cwd: string, opts: SideOptions): Promise<Side> {
  const t0 = performance.now();
  const r: RunResult = await runSupervisord(configPath, {
    seconds: opts.seconds,
    cwd,
    ...(opts.until !== undefined ? { until: opts.until } : {}),
    ...(opts.env ? { env: opts.env } : {}),
  });
  const wall = (performance.now() - t0) / 1000;
  return { lines: r.lines, leftovers: r.leftovers, exitCode: r.exitCode, wall, pid: r.pid, cwd: r.cwd, stderr: r.stderr };
}

export interface PairOptions extends SideOptions {
  /** Files to create in each side's folder before the run (name: content and mode). */
  files?: Record<string, { text: string; mode: number }>;
  /** A separate `until` per side (e.g. one that kills a pid it read from that side's log). */
  untilReal?: Until;
  untilRunner?: Until;
  /** The umask both supervisors are started with (to see that they set their own). */
  umask?: number;
}

/**
 * Writes `conf` into two fresh folders (`%(here)s` points at each) and runs supervisord and the
 * runner on them concurrently.
 */
export async function runPair(name: string, conf: string, opts: PairOptions): Promise<{ real: Side; ours: Side }> {
  const dirs = [tempDir(`gs-run-real-${name}-`), tempDir(`gs-run-ours-${name}-`)] as const;
  for (const dir of dirs) {
    writeFileSync(join(dir, 'supervisord.conf'), conf);
    for (const [file, f] of Object.entries(opts.files ?? {})) writeFileSync(join(dir, file), f.text, { mode: f.mode });
  }
  // the same environment on both sides (NO_COLOR keeps the runner's console plain)
  const base: SideOptions = { seconds: opts.seconds, env: { NO_COLOR: '1', ...(opts.env ?? {}) } };
  const untilReal = opts.untilReal ?? opts.until;
  const untilOurs = opts.untilRunner ?? opts.until;
  // both supervisors are forked synchronously by these calls, so the umask is theirs only
  const saved = opts.umask !== undefined ? process.umask(opts.umask) : null;
  let both: Promise<[Side, Side]>;
  try {
    both = Promise.all([
      runReal(join(dirs[0], 'supervisord.conf'), dirs[0], { ...base, ...(untilReal ? { until: untilReal } : {}) }),
      runRunner(join(dirs[1], 'supervisord.conf'), dirs[1], { ...base, ...(untilOurs ? { until: untilOurs } : {}) }),
    ]);
  } finally {
    if (saved !== null) process.umask(saved);
  }
  const [real, ours] = await both;
  return { real, ours };
}

// ---------------------------------------------------------------------------------------------
// What is compared

/**
 * Lines that only one side can emit by design, and are therefore left out of the comparison.
 * State lines (spawned, success, exited, gave up, stopped, killing, spawnerr, waiting for ...)
 * are never filtered.
 */
export const ONE_SIDED: { re: RegExp; why: string }[] = [
  // supervisord's RPC/HTTP servers: the runner has none (src/runner/run.ts header).
  { re: /^INFO RPC interface '.*' initialized$/, why: 'supervisord only: the runner has no RPC interface' },
  { re: /^CRIT Server '.*' running without any HTTP authentication checking$/, why: 'supervisord only: the runner has no HTTP server' },
  // node cannot raise rlimits
  { re: /^INFO Increased RLIMIT_NOFILE limit to \d+$/, why: 'supervisord only: node cannot raise RLIMIT_NOFILE' },
  // AUTO log cleanup at startup: the runner never deletes files (src/runner/run.ts header)
  { re: /^(INFO|WARN) (Removing|Failed to clean up) /, why: 'supervisord only: AUTO child log cleanup' },
  // debug lines: internal details (object addresses, poll wakeups) that are not the contract
  { re: /^(DEBG|TRAC|BLAT) /, why: 'debug/trace lines are implementation details' },
];

export function comparable(lines: readonly LogLine[]): LogLine[] {
  return lines.filter((l) => !ONE_SIDED.some((f) => f.re.test(`${l.level} ${l.message}`)));
}

export interface Transcript {
  /** normaliseLog of each process's lines, by process name. */
  perProcess: Record<string, string[]>;
  /** Normalised lines that name no process (spawnerr, received SIGTERM, waiting for ... to die). */
  global: string[];
  /** Process names of the `spawned:` lines that are each process's first (the boot order). */
  bootOrder: string[];
  /** Process names of `stopped:` lines, in log order. */
  stopOrder: string[];
  /**
   * The stop order by group: supervisord signals every process of a group in the same iteration
   * and reaps them in whatever order they die, so inside a group only the set is meaningful.
   * Each entry is `group: a, b, c` (names sorted) for a run of consecutive stops of one group.
   */
  stopGroups: string[];
  /** Process names of all `spawned:` lines, in log order. */
  spawnOrder: string[];
}

/**
 * `here` (the side's folder, which appears in messages such as spawnerr paths) is replaced by
 * `HERE`; `groupOf` maps a process name to its group (default: itself).
 */
export function transcript(lines: readonly LogLine[], here?: string, groupOf: (name: string) => string = (n) => n): Transcript {
  const kept = comparable(lines).map((l) => (here ? { ...l, message: l.message.split(here).join('HERE') } : l));
  const perProcess: Record<string, string[]> = {};
  for (const [name, ls] of Object.entries(perProcessEvents(kept))) perProcess[name] = normaliseLog(ls);
  // The first `waiting for ... to die` is compared; the later ones are a report every 3 s while
  // processes remain, and supervisord notices a death up to one 1 s poll late (a child's pipes
  // can reach EOF before it is reapable), so how many follow is timing, not behaviour.
  let waited = false;
  const global = normaliseLog(
    kept.filter((l) => {
      if (processOf(l) !== null) return false;
      if (!/^waiting for .* to die$/.test(l.message)) return true;
      if (waited) return false;
      waited = true;
      return true;
    }),
  );
  const spawnOrder = kept.filter((l) => l.message.startsWith('spawned: ')).map((l) => processOf(l)!);
  const bootOrder = spawnOrder.filter((n, i) => spawnOrder.indexOf(n) === i);
  const stopOrder = kept.filter((l) => l.message.startsWith('stopped: ')).map((l) => processOf(l)!);
  const stopGroups: string[] = [];
  let runGroup: string | null = null;
  let members: string[] = [];
  const flush = () => runGroup !== null && stopGroups.push(`${runGroup}: ${members.sort().join(', ')}`);
  for (const name of stopOrder) {
    const g = groupOf(name);
    if (g !== runGroup) {
      flush();
      runGroup = g;
      members = [];
    }
    members.push(name);
  }
  flush();
  return { perProcess, global, bootOrder, stopOrder, spawnOrder, stopGroups };
}

/** The pid of the last `spawned: 'NAME' with pid N` line, or null. */
export function lastPidOf(lines: readonly LogLine[], name: string): number | null {
  let pid: number | null = null;
  const re = new RegExp(`^spawned: '${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' with pid (\\d+)$`);
  for (const l of lines) {
    const m = re.exec(l.message);
    if (m) pid = Number(m[1]);
  }
  return pid;
}

/** How many lines match. */
export function count(lines: readonly LogLine[], re: RegExp): number {
  return lines.filter((l) => re.test(`${l.level} ${l.message}`)).length;
}

/** A readable dump of both transcripts for assertion messages. */
export function dump(real: Side, ours: Side): string {
  const show = (s: Side) => s.lines.map((l) => `  ${l.time.toFixed(3).padStart(7)} ${l.level} ${l.message}`).join('\n');
  return `\nsupervisord:\n${show(real)}\nrunner:\n${show(ours)}\nrunner stderr: ${ours.stderr}`;
}

export function readIfExists(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** What assertEquivalent checks beyond the transcripts (a RunScenario fits). */
export interface Expectations {
  mustSee: string[];
  bootOrder?: string[];
  stopGroups?: string[];
  compareFiles?: string[];
  noLeftovers?: boolean;
}

/**
 * The two runs agree: each process's events, the lines naming no process, the boot order, the
 * stop order by group, the compared files; plus the scenario's own expectations.
 */
export async function assertEquivalent(s: Expectations, real: Side, ours: Side): Promise<void> {
  const why = dump(real, ours);
  // process -> group, from supervisord's own parse of the config
  const parsed = await oracleParse(join(real.cwd, 'supervisord.conf'));
  const groups = new Map<string, string>();
  for (const g of parsed.groups ?? []) for (const p of g.processes) groups.set(p.name, g.name);
  const groupOf = (n: string) => groups.get(n) ?? n;
  const r = transcript(real.lines, real.cwd, groupOf);
  const o = transcript(ours.lines, ours.cwd, groupOf);
  assert.equal(real.exitCode, 0, `supervisord exit code${why}`);
  assert.ok(ours.exitCode === 0 || ours.exitCode === 1, `runner exit code ${ours.exitCode}${why}`);
  for (const line of s.mustSee) {
    assert.ok(Object.values(r.perProcess).flat().concat(r.global).includes(line), `supervisord never logged ${line}${why}`);
  }
  assert.deepEqual(Object.keys(o.perProcess).sort(), Object.keys(r.perProcess).sort(), `processes${why}`);
  for (const name of Object.keys(r.perProcess)) {
    assert.deepEqual(o.perProcess[name], r.perProcess[name], `events of ${name}${why}`);
  }
  assert.deepEqual(o.global, r.global, `lines naming no process${why}`);
  assert.deepEqual(o.bootOrder, r.bootOrder, `boot order${why}`);
  assert.deepEqual(o.stopGroups, r.stopGroups, `stop order (by group)${why}`);
  if (s.bootOrder) assert.deepEqual(r.bootOrder, s.bootOrder, `supervisord's boot order${why}`);
  if (s.stopGroups) assert.deepEqual(r.stopGroups, s.stopGroups, `supervisord's stop order${why}`);
  if (s.noLeftovers) {
    assert.deepEqual(real.leftovers, [], `supervisord left processes${why}`);
    assert.deepEqual(ours.leftovers, [], `runner left processes${why}`);
  }
  for (const file of s.compareFiles ?? []) {
    const text = (side: Side) => readIfExists(join(side.cwd, file)).split(side.cwd).join('HERE');
    assert.equal(text(ours), text(real), `contents of ${file}${why}`);
    assert.ok(existsSync(join(real.cwd, file)), `supervisord made no ${file}${why}`);
  }
  // the runner never leaves anything behind, whatever the config
  assert.deepEqual(ours.leftovers, [], `runner left processes${why}`);
}
