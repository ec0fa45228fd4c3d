// The lint agreement configs (fixtures/compat/lint), staged in a temp folder so that every log
// and pid path they name (`%(here)s/logs/...`, `logs/...`) exists on any machine. Each case gets
// its own folder: a single-file fixture NAME.conf becomes DIR/NAME/NAME.conf, a folder fixture
// NAME/ (main file supervisord.conf, plus what it includes) becomes DIR/NAME/.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, tempDir } from '../../support/tmp.js';

export const LINT_FIXTURES = join(repoRoot(), 'fixtures/compat/lint');

/** Folders every case finds beside its main file (they stand for /var/log/..., /run/...). */
export const CASE_DIRS = ['logs', 'run'];

export interface LintCase {
  /**
   * Fixture name without `.conf`; `ok-` / `bad-` says the expected verdict; `frag-ok-` /
   * `frag-bad-` are conf.d fragments, judged by what supervisord makes of them when a main file
   * includes them.
   */
  name: string;
  /** The case's folder: supervisord's and the linter's cwd. */
  dir: string;
  /** The main config, relative to `dir`. */
  main: string;
  /** Every file of the case, relative to `dir` (the main file first). */
  files: string[];
}

export interface Staged {
  root: string;
  cases: LintCase[];
  /** The environment both supervisord and the linter see (%(ENV_X)s). */
  env: Record<string, string>;
}

/** The same environment for supervisord and the linter; clean, so messages are reproducible. */
export function caseEnv(root: string): Record<string, string> {
  return {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: root,
    LANG: 'C.UTF-8',
    APP_ENV: 'production',
    QUEUE_CONNECTION: 'redis',
    LOG_ROOT: join(root, 'shared-logs'),
  };
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, base));
    else out.push(relative(base, p));
  }
  return out;
}

/** The fixture names (files without `.conf`, and folders), sorted. */
export function fixtureNames(): string[] {
  return readdirSync(LINT_FIXTURES)
    .filter((n) => n.endsWith('.conf') || statSync(join(LINT_FIXTURES, n)).isDirectory())
    .map((n) => n.replace(/\.conf$/, ''))
    .sort();
}

/** Every file of a fixture, joined (to look for things in it). */
export function fixtureText(name: string): string {
  const src = join(LINT_FIXTURES, name);
  if (existsSync(src) && statSync(src).isDirectory()) return listFiles(src).map((f) => readFileSync(join(src, f), 'latin1')).join('\n');
  return readFileSync(`${src}.conf`, 'latin1');
}

/** Copies one fixture into `dir` (created) and adds the folders its paths name. */
export function stageCase(name: string, dir: string): LintCase {
  mkdirSync(dir, { recursive: true });
  const src = join(LINT_FIXTURES, name);
  let main: string;
  let files: string[];
  if (existsSync(src) && statSync(src).isDirectory()) {
    cpSync(src, dir, { recursive: true });
    main = 'supervisord.conf';
    files = [main, ...listFiles(dir).filter((f) => f !== main && !f.endsWith('.keep'))];
  } else {
    main = `${name}.conf`;
    writeFileSync(join(dir, main), readFileSync(`${src}.conf`));
    files = [main];
  }
  for (const d of CASE_DIRS) mkdirSync(join(dir, d), { recursive: true });
  return { name, dir, main, files };
}

/** Stages every fixture under a fresh temp folder. */
export function stageAll(prefix = 'gs-lint-compat-'): Staged {
  const root = tempDir(prefix);
  mkdirSync(join(root, 'shared-logs'));
  const cases = fixtureNames().map((name) => stageCase(name, join(root, name)));
  return { root, cases, env: caseEnv(root) };
}

const knownUsers = new Map<string, boolean>();

/** Whether a user exists on this machine (getent, so NSS sources count too). */
export function userExists(name: string): boolean {
  let known = knownUsers.get(name);
  if (known === undefined) {
    known = name === userInfo().username || spawnSync('getent', ['passwd', name]).status === 0;
    knownUsers.set(name, known);
  }
  return known;
}

/** Users the fixtures rely on; a missing one makes an `ok-` fixture a refusal on this machine. */
export const FIXTURE_USERS = ['root', 'nobody', 'www-data'];

/**
 * The verdict a case is named for, adjusted for this machine: an `ok-` fixture naming a user
 * this machine lacks is refused by supervisord, and must be by the linter.
 */
export function expectedRefused(c: LintCase): boolean {
  if (/^(frag-)?bad-/.test(c.name)) return true;
  const text = c.files.map((f) => readFileSync(join(c.dir, f), 'latin1')).join('\n');
  return FIXTURE_USERS.some((u) => new RegExp(`\\b(user|chown|socket_owner)\\s*[=:]\\s*${u}\\b`).test(text) && !userExists(u));
}
