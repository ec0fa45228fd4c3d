// CLI scenarios as data: a command line, the files it finds in a fresh working folder, and what
// it must print and return. Each scenario runs the built binary as a child process, with the
// environment and the terminal (none, or a pseudo-terminal through script(1)) under control.
import { execFile } from 'node:child_process';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot, tempDir } from '../support/tmp.js';

/** What a stream (or a file) must hold: the exact text, a pattern, its golden file, or a check. */
export type Expect = string | RegExp | Golden | ((text: string) => void);

/** fixtures/cli/<scenario name>/<stream>; written instead of compared when UPDATE_GOLDEN=1. */
export interface Golden {
  golden: true;
}
export const GOLDEN: Golden = { golden: true };

/** Inline text, a copy of a fixture (path under fixtures/), or an empty folder. */
export type FileSpec = string | { fixture: string } | { dir: true };

export interface ScenarioResult {
  cwd: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** milliseconds from spawn to exit */
  elapsed: number;
}

export interface Scenario {
  /** also the golden folder's name, so a slug */
  name: string;
  args: string[];
  files?: Record<string, FileSpec>;
  /** added to a minimal environment (PATH, HOME, LANG, TZ); undefined removes a variable */
  env?: Record<string, string | undefined>;
  /** run under a pseudo-terminal: stdout and stderr then arrive merged, as `stdout` */
  tty?: boolean;
  /** ANSI escapes are allowed in the output (otherwise any escape fails the scenario) */
  color?: boolean;
  timeoutMs?: number;
  /** sends this signal to the command after a delay (not with tty) */
  signal?: { afterMs: number; name: NodeJS.Signals };
  expected: {
    exitCode: number;
    stdout?: Expect;
    stderr?: Expect;
    /** files in the working folder after the run; null means the file must not exist */
    files?: Record<string, Expect | null>;
    /** the working folder holds exactly these names (top level, sorted) after the run */
    listing?: string[];
  };
  /** extra assertions on the whole result */
  check?: (r: ScenarioResult) => void | Promise<void>;
  /** runs after the files are written, before the command */
  setup?: (cwd: string) => void;
}

export const ROOT = repoRoot();
export const BIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
export const FIXTURES = join(ROOT, 'fixtures');
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** A line of a JavaScript stack trace (`    at fn (file:1:2)`). */
export const STACK_LINE = /^\s+at .*(:\d+:\d+\)?|\(native\))$/m;
// eslint-disable-next-line no-control-regex
export const ANSI = /\x1b\[[0-9;]*m/;

const UPDATE = process.env.UPDATE_GOLDEN === '1';

function writeFiles(cwd: string, files: Record<string, FileSpec>): void {
  for (const [rel, spec] of Object.entries(files)) {
    const path = join(cwd, rel);
    if (typeof spec === 'object' && 'dir' in spec) {
      mkdirSync(path, { recursive: true });
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    if (typeof spec === 'string') writeFileSync(path, spec);
    else cpSync(join(FIXTURES, spec.fixture), path);
  }
}

function scenarioEnv(extra: Record<string, string | undefined> = {}, cwd: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: cwd,
    LANG: 'C.UTF-8',
    TZ: 'UTC',
  };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the binary in `cwd`; never rejects (a timeout shows as exit code -1). */
export function runCli(args: string[], cwd: string, opts: { env?: Record<string, string | undefined>; tty?: boolean; timeoutMs?: number; signal?: Scenario['signal'] } = {}): Promise<ScenarioResult> {
  const env = scenarioEnv(opts.env, cwd);
  let file = process.execPath;
  let argv = [BIN, ...args];
  if (opts.tty) {
    // script(1) gives the command a pseudo-terminal; -e passes its exit code through.
    file = 'script';
    argv = ['-qec', [process.execPath, BIN, ...args].map(shellQuote).join(' '), '/dev/null'];
  }
  const started = Date.now();
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const child = execFile(file, argv, { cwd, env, timeout: opts.timeoutMs ?? 10_000, maxBuffer: 16 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      let exitCode = 0;
      if (err) {
        const e = err as { code?: unknown; killed?: boolean; signal?: string | null };
        exitCode = e.killed || typeof e.code !== 'number' ? -1 : e.code;
      }
      if (timer) clearTimeout(timer);
      if (opts.tty) stdout = stdout.replace(/\r\n/g, '\n');
      resolve({ cwd, exitCode, stdout, stderr, elapsed: Date.now() - started });
    });
    const signal = opts.signal;
    if (signal) timer = setTimeout(() => child.kill(signal.name), signal.afterMs);
  });
}

function goldenPath(scenario: string, what: string): string {
  return join(FIXTURES, 'cli', scenario, what);
}

/** `cwd`-dependent text made stable for golden files. */
export function normalise(text: string, cwd: string): string {
  return text.split(cwd).join('<cwd>');
}

function expectText(label: string, actual: string, expected: Expect, scenario: Scenario, cwd: string, goldenName: string): void {
  if (typeof expected === 'string') {
    assert.equal(actual, expected, `${label} of ${scenario.name}`);
  } else if (expected instanceof RegExp) {
    assert.match(actual, expected, `${label} of ${scenario.name}`);
  } else if (typeof expected === 'function') {
    expected(actual);
  } else {
    const path = goldenPath(scenario.name, goldenName);
    const stable = normalise(actual, cwd);
    if (UPDATE) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, stable);
      return;
    }
    assert.ok(existsSync(path), `golden file ${path} is missing (run with UPDATE_GOLDEN=1 to create it)`);
    assert.equal(stable, readFileSync(path, 'utf8'), `${label} of ${scenario.name} differs from ${path}`);
  }
}

/** Runs one scenario and asserts everything it expects. */
export async function runScenario(s: Scenario): Promise<ScenarioResult> {
  const cwd = tempDir('gs-cli-');
  writeFiles(cwd, s.files ?? {});
  s.setup?.(cwd);
  assert.ok(!(s.tty && s.signal), 'a signal goes to the command, not to script(1)');
  const r = await runCli(s.args, cwd, { env: s.env, tty: s.tty, timeoutMs: s.timeoutMs, signal: s.signal });
  const shown = `\n--- exit ${r.exitCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
  assert.equal(r.exitCode, s.expected.exitCode, `exit code of ${s.name}${shown}`);
  if (s.expected.stdout !== undefined) expectText('stdout', r.stdout, s.expected.stdout, s, cwd, 'stdout');
  if (s.expected.stderr !== undefined) expectText('stderr', r.stderr, s.expected.stderr, s, cwd, 'stderr');
  // Promises every command keeps: only an internal error shows a stack, and no colour escapes
  // reach a pipe unless colour was asked for.
  if (r.exitCode !== 3) {
    assert.doesNotMatch(r.stderr, STACK_LINE, `stack trace on stderr of ${s.name}${shown}`);
    assert.doesNotMatch(r.stderr, /internal error/, `internal error in ${s.name}${shown}`);
  }
  if (!s.color) {
    assert.doesNotMatch(r.stdout, ANSI, `ANSI escape on stdout of ${s.name}`);
    assert.doesNotMatch(r.stderr, ANSI, `ANSI escape on stderr of ${s.name}`);
  }
  for (const [rel, expected] of Object.entries(s.expected.files ?? {})) {
    const path = join(cwd, rel);
    if (expected === null) {
      assert.ok(!existsSync(path), `${rel} must not exist after ${s.name}`);
      continue;
    }
    assert.ok(existsSync(path) && statSync(path).isFile(), `${rel} must exist after ${s.name}${shown}`);
    expectText(rel, readFileSync(path, 'utf8'), expected, s, cwd, rel.replace(/[/\\]/g, '__'));
  }
  if (s.expected.listing) assert.deepEqual(readdirSync(cwd).sort(), [...s.expected.listing].sort(), `files left in the working folder by ${s.name}`);
  await s.check?.(r);
  return r;
}

/** Declares one node:test test per scenario; they run concurrently (each is its own process). */
export function scenarios(suite: string, list: readonly Scenario[]): void {
  const names = new Set<string>();
  for (const s of list) {
    assert.ok(!names.has(s.name), `scenario name ${s.name} is used twice`);
    names.add(s.name);
  }
  describe(suite, { concurrency: 8 }, () => {
    for (const s of list) test(s.name, async () => void (await runScenario(s)));
  });
}

/** The golden text of another file under fixtures/. */
export function fixtureText(rel: string): string {
  return readFileSync(join(FIXTURES, rel), 'utf8');
}
