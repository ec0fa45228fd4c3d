// Runs configs through supervisord's parser (the oracle, in batches) and through the linter (the
// worker pool), and judges each pair. A file the linter reads as a conf.d fragment (no
// [supervisord] section) is compared with what supervisord makes of it when a minimal main
// file includes it, which is how a fragment is used.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { oracleParseMany, type OracleJob, type OracleResult } from '../../support/supervisord.js';
import { lintInWorkers, type LintOutcome } from './lint-pool.js';
import { judge, type Disagreement, type Judgement } from './lint-judge.js';

export interface Subject {
  label: string;
  /** The config's folder (cwd of both tools). */
  dir: string;
  /** The main file, relative to dir. */
  main: string;
}

export interface Checked {
  subject: Subject;
  oracle: OracleResult;
  lint: LintOutcome;
  judgement: Judgement;
  /**
   * Linted as a conf.d fragment while supervisord refuses it for lacking [supervisord]: judged
   * against supervisord including it from a minimal main file.
   */
  fragment: boolean;
}

export interface CheckOptions {
  env: Record<string, string>;
  /** lintFiles must finish within this (ms). */
  budgetMs: number;
  /** Files per oracle process. */
  chunk?: number;
  workers?: number;
}

export const WRAPPER = '__main__.conf';
const MISSING_SECTION = '.ini file does not include supervisord section';

async function oracleAll(jobs: OracleJob[], chunk: number): Promise<OracleResult[]> {
  const parts: Promise<OracleResult[]>[] = [];
  for (let i = 0; i < jobs.length; i += chunk) parts.push(oracleParseMany(jobs.slice(i, i + chunk)));
  return (await Promise.all(parts)).flat();
}

/**
 * The time bound for linting one config: `budgetMs`, scaled up for configs that ask for more
 * than 10,000 processes (supervisord itself takes seconds on `numprocs=65536`).
 */
export function budgetFor(dir: string, budgetMs: number): number {
  let most = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const text = readFileSync(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name), 'latin1');
    for (const m of text.matchAll(/numprocs\s*[=:]\s*(\d[\d_]*)/gi)) most = Math.max(most, Number(m[1]!.replace(/_/g, '')));
  }
  return budgetMs * Math.max(1, most / 10_000);
}

export async function checkAll(subjects: readonly Subject[], opts: CheckOptions): Promise<Checked[]> {
  const chunk = opts.chunk ?? 150;
  const budgets = subjects.map((s) => budgetFor(s.dir, opts.budgetMs));
  const jobOf = (dir: string, main: string): OracleJob => ({ path: join(dir, main), env: opts.env, cleanEnv: true, cwd: dir });
  const [oracle, lint] = await Promise.all([
    oracleAll(subjects.map((s) => jobOf(s.dir, s.main)), chunk),
    lintInWorkers(
      subjects.map((s, i) => ({ files: [s.main], cwd: s.dir, env: opts.env, host: true, timeoutMs: budgets[i]! * 2 + 5000 })),
      { timeoutMs: opts.budgetMs * 2 + 5000, ...(opts.workers ? { workers: opts.workers } : {}) },
    ),
  ]);
  // Fragment mode only changes supervisord's "no [supervisord] section" refusal.
  const fragments = subjects.flatMap((s, i) =>
    lint[i]!.files?.[0]?.mode === 'fragment' && oracle[i]!.message === MISSING_SECTION ? [i] : [],
  );
  for (const i of fragments) {
    const s = subjects[i]!;
    writeFileSync(join(s.dir, WRAPPER), `[supervisord]\n\n[include]\nfiles=${s.main}\n`);
  }
  const wrapped = await oracleAll(fragments.map((i) => jobOf(subjects[i]!.dir, WRAPPER)), chunk);
  fragments.forEach((i, k) => (oracle[i] = wrapped[k]!));
  return subjects.map((subject, i) => ({
    subject,
    oracle: oracle[i]!,
    lint: lint[i]!,
    judgement: judge(oracle[i]!, lint[i]!, subject.dir, budgets[i]!),
    fragment: fragments.includes(i),
  }));
}

/** Same kind of disagreement (for a thrown error, the same first line). */
function sameProblem(a: Judgement, b: Judgement): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'lint-threw') return a.detail.split('\n')[0] === b.detail.split('\n')[0];
  return true;
}

export interface Minimised {
  /** The shrunk text of `file`. */
  text: string;
  judgement: Judgement;
  rounds: number;
}

/**
 * Shrinks `file` of a disagreeing subject line by line (blocks first, then single lines) while
 * the same kind of disagreement remains. Each round is one oracle batch; stops at `deadline`.
 */
export async function minimise(
  subject: Subject,
  file: string,
  found: Judgement,
  scratch: string,
  opts: CheckOptions & { deadline: number },
): Promise<Minimised> {
  let lines = readFileSync(join(subject.dir, file), 'utf8').split('\n');
  let best = found;
  let rounds = 0;
  let size = Math.max(1, Math.floor(lines.length / 2));
  while (size >= 1 && Date.now() < opts.deadline) {
    const candidates: string[][] = [];
    for (let start = 0; start < lines.length; start += size) candidates.push([...lines.slice(0, start), ...lines.slice(start + size)]);
    rmSync(scratch, { recursive: true, force: true });
    const subjects = candidates.map((c, k) => {
      const dir = join(scratch, `c${k}`);
      mkdirSync(dir, { recursive: true });
      cpSync(subject.dir, dir, { recursive: true });
      rmSync(join(dir, WRAPPER), { force: true });
      writeFileSync(join(dir, file), c.join('\n'));
      return { label: `${subject.label} (shrinking)`, dir, main: subject.main };
    });
    rounds++;
    const checked = await checkAll(subjects, opts);
    const hit = checked.findIndex((c) => sameProblem(c.judgement, found));
    if (hit >= 0) {
      lines = candidates[hit]!;
      best = checked[hit]!.judgement;
      size = Math.min(size, Math.max(1, Math.floor(lines.length / 2)));
    } else size = size === 1 ? 0 : Math.max(1, Math.floor(size / 2));
  }
  rmSync(scratch, { recursive: true, force: true });
  return { text: lines.join('\n'), judgement: best, rounds };
}

/** Kinds worth shrinking (a slow or hung config would only be re-run slowly). */
export const SHRINKABLE: ReadonlySet<Disagreement> = new Set(['false-error', 'missed-refusal', 'message-mismatch', 'lint-threw', 'bad-json', 'supervisor-crashed']);
