// The linter against supervisord 4.2.5 on real-world configs (fixtures/compat/lint): an error
// exactly when supervisord refuses, supervisord's message word for word in one of our errors,
// no throw, no hang, JSON output that parses; the CLI (`lint --host --format json`) says the same
// with exit status 1 exactly for the refused ones. Disagreements go to .tmp/lint-disagreements.md.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireSupervisord } from './../support/supervisord.js';
import { repoRoot } from '../support/tmp.js';
import { expectedRefused, fixtureNames, stageAll, type LintCase, type Staged } from './support/lint-cases.js';
import { checkAll, minimise, SHRINKABLE, type Checked } from './support/lint-check.js';
import { jsonProblem } from './support/lint-judge.js';
import { fence, writeReportPart } from './support/lint-report.js';

/** lintFiles on one of these configs must take less than this. */
// A bound that catches hangs, not a speed test: a busy CI box can take a second on a config that
// asks Python whether a module imports.
const BUDGET_MS = 5000;
const CLI = join(repoRoot(), 'dist/src/cli/main.js');
const names = fixtureNames();

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runCli(c: LintCase, env: Record<string, string>): Promise<CliRun> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CLI, 'lint', '--host', '--format', 'json', c.main], { cwd: c.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(killer);
      done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - start });
    });
  });
}

async function runAllCli(cases: readonly LintCase[], env: Record<string, string>, lanes: number): Promise<CliRun[]> {
  const out: CliRun[] = new Array(cases.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < cases.length) {
        const i = next++;
        out[i] = await runCli(cases[i]!, env);
      }
    }),
  );
  return out;
}

function caseText(c: LintCase): string {
  return c.files.map((f) => (c.files.length > 1 ? `; ---- ${f}\n` : '') + readFileSync(join(c.dir, f), 'latin1')).join('\n');
}

describe('lint agrees with supervisord 4.2.5 on real-world configs', () => {
  let staged: Staged;
  let checked: Checked[] = [];
  let cli: CliRun[] = [];
  const byName = new Map<string, number>();

  before(async () => {
    requireSupervisord();
    staged = stageAll();
    staged.cases.forEach((c, i) => byName.set(c.name, i));
    const subjects = staged.cases.map((c) => ({ label: c.name, dir: c.dir, main: c.main }));
    [checked, cli] = await Promise.all([
      checkAll(subjects, { env: staged.env, budgetMs: BUDGET_MS }),
      runAllCli(staged.cases, staged.env, 3),
    ]);
  });

  after(async () => {
    if (!staged) return;
    const bad = checked.filter((c) => c.judgement.kind !== 'agree');
    const parts = [`## agreement suite (fixtures/compat/lint)\n\n${checked.length - bad.length}/${checked.length} configs agree.\n`];
    const deadline = Date.now() + 20_000;
    for (const c of bad) {
      const lc = staged.cases[byName.get(c.subject.label)!]!;
      let repro = '';
      if (lc.files.length === 1 && SHRINKABLE.has(c.judgement.kind) && Date.now() < deadline) {
        const m = await minimise(c.subject, lc.main, c.judgement, join(staged.root, '__shrink__'), { env: staged.env, budgetMs: BUDGET_MS, deadline });
        repro = `\nMinimised (${m.rounds} rounds):\n\n${fence(m.text, 'ini')}\n\n${fence(m.judgement.detail)}\n`;
      }
      parts.push(
        `### ${c.subject.label} — ${c.judgement.kind}${c.fragment ? ' (linted as a fragment)' : ''}\n\n` +
          `File: fixtures/compat/lint/${lc.name}${lc.files.length === 1 ? '.conf' : '/'}\n\n${fence(c.judgement.detail)}\n${repro}`,
      );
    }
    const file = writeReportPart('agreement', parts.join('\n'));
    if (bad.length > 0) console.log(`lint agreement: ${bad.length} disagreement(s), see ${file}`);
  });

  it('has 100+ configs, about half refused, each named for its verdict', () => {
    assert.ok(checked.length >= 100, `only ${checked.length} configs`);
    const refused = checked.filter((c) => !c.oracle.accepted).length;
    assert.ok(refused >= 40 && checked.length - refused >= 40, `${refused} refused of ${checked.length}`);
    const misnamed = staged.cases.filter((c, i) => expectedRefused(c) === checked[i]!.oracle.accepted);
    assert.deepEqual(
      misnamed.map((c) => `${c.name}: supervisord says ${checked[byName.get(c.name)!]!.oracle.message ?? 'accepted'}`),
      [],
    );
    assert.deepEqual(
      checked.filter((c) => c.fragment !== c.subject.label.startsWith('frag-')).map((c) => c.subject.label),
      [],
      'exactly the frag- fixtures are linted as conf.d fragments',
    );
    console.log(`lint agreement: ${checked.length} configs, ${refused} refused by supervisord, ${checked.filter((c) => c.judgement.kind === 'agree').length} agree`);
  });

  for (const name of names) {
    it(name, () => {
      const i = byName.get(name)!;
      const c = checked[i]!;
      const lc = staged.cases[i]!;
      assert.equal(c.judgement.kind, 'agree', `${c.judgement.detail}\n\n${caseText(lc)}`);
      const run = cli[i]!;
      const refused = !c.oracle.accepted;
      assert.equal(run.code, refused ? 1 : 0, `CLI exit ${run.code} (supervisord ${refused ? 'refuses' : 'accepts'})\n${run.stderr}`);
      assert.equal(jsonProblem(run.stdout, c.lint.diagnostics!.length), null, `CLI JSON:\n${run.stdout}\n${run.stderr}`);
      assert.deepEqual(JSON.parse(run.stdout), JSON.parse(c.lint.json!), 'the CLI and lintFiles report the same');
    });
  }
});
