// run --dry-run: text and JSON on fixtures (goldens), checked against supervisord's parser, and
// refusals before anything would start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError } from '../../src/core/errors.js';
import { dryRun, dryRunReport, type DryRunReport } from '../../src/runner/dry-run.js';
import { oracleParse, requireSupervisord } from '../support/supervisord.js';
import { repoRoot } from '../support/tmp.js';

const ENV = { PATH: '/usr/bin:/bin', TMPDIR: '/tmp' };
const root = repoRoot();
const fixture = (name: string) => join(root, 'fixtures/runner', name);
const opts = (json: boolean) => ({ json, env: ENV, cwd: root });
/** Goldens hold `<repo>` where the checkout's path would be. */
const portable = (text: string) => text.split(root).join('<repo>');

function golden(name: string, actual: string): void {
  const file = fixture(name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs (UPDATE_GOLDEN=1 rewrites it)`);
}

test('dry-run text: basic.conf', () => {
  golden('basic.dry-run.txt', portable(dryRun('fixtures/runner/basic.conf', opts(false))));
});

test('dry-run JSON: basic.conf (stable documented shape)', () => {
  const text = dryRun('fixtures/runner/basic.conf', opts(true));
  golden('basic.dry-run.json', portable(text));
  const report = JSON.parse(text) as DryRunReport;
  assert.equal(report.version, 1);
  assert.deepEqual(report.processes.map((p) => p.key), ['early:early', 'pool:zeta', 'pool:alpha', 'web:web_0', 'web:web_1']);
  const web0 = report.processes[3]!;
  assert.deepEqual(web0.argv, ['/bin/sh', '-c', 'exec sleep 1000', '--name', 'a b']);
  assert.deepEqual(web0.environment, {
    SUPERVISOR_ENABLED: '1', SUPERVISOR_PROCESS_NAME: 'web_0', SUPERVISOR_GROUP_NAME: 'web',
    SHARED: 'one', LEVEL: 'debug', PORT: '8000',
  });
  assert.deepEqual(web0.stderr, { kind: 'stdout' });
  assert.deepEqual(report.processes[0]!.stdout, { kind: 'none' });
  assert.deepEqual(report.processes[0]!.stderr, { kind: 'auto', dir: fixture('').replace(/\/$/, '') });
  assert.equal(report.processes[0]!.umask, '027');
  assert.equal(report.processes[0]!.autostart, false);
});

test('dry-run agrees with supervisord\'s parser: order, command, environment, logs', async () => {
  requireSupervisord();
  const ours = dryRunReport('fixtures/runner/basic.conf', { env: ENV, cwd: root });
  const theirs = await oracleParse(fixture('basic.conf'), { cwd: root, env: ENV, cleanEnv: true });
  assert.ok(theirs.accepted);
  const seen = new Set<string>();
  const flat = theirs.groups!.filter((g) => !seen.has(g.name) && Boolean(seen.add(g.name))).flatMap((g) => g.processes.map((p) => ({ g: g.name, p })));
  assert.deepEqual(ours.processes.map((p) => [p.group, p.name]), flat.map((x) => [x.g, x.p.name]));
  ours.processes.forEach((p, i) => {
    const o = flat[i]!.p;
    assert.equal(p.command, o.command);
    const added = Object.fromEntries(Object.entries(p.environment).filter(([k]) => !k.startsWith('SUPERVISOR_')));
    assert.deepEqual(added, o.environment ?? {});
    assert.equal(p.directory, o.directory);
    assert.equal(p.stdout.kind === 'auto' ? 'AUTO' : p.stdout.kind === 'file' ? p.stdout.path : null, o.stdout_logfile);
  });
});

test('dry-run of a worker description: generated in memory, %(here)s is its folder', () => {
  const report = dryRunReport('fixtures/runner/workers.yaml', { env: ENV, cwd: root });
  assert.equal(report.sourceKind, 'workers');
  assert.deepEqual(report.processes.map((p) => p.key), ['mailer:mailer_00', 'mailer:mailer_01']);
  assert.equal(report.processes[1]!.environment.QUEUE, 'mail');
  assert.deepEqual(report.processes[0]!.argv, ['sleep', '1000']);
  assert.equal(report.logfile, join(root, 'supervisord.log'));
});

test('a config supervisord refuses is refused before anything starts, located like the linter', () => {
  assert.throws(() => dryRun('fixtures/runner/refused.conf', opts(false)), (e: unknown) => {
    assert.ok(isUserError(e));
    assert.equal(e.exitCode, 2);
    assert.deepEqual(e.diagnostics.map((d) => [d.file, d.line, d.column, d.ruleId]), [
      ['fixtures/runner/refused.conf', 6, 11, 'invalid-value'],
      ['fixtures/runner/refused.conf', 7, 13, 'invalid-value'],
    ]);
    assert.match(e.message, /^fixtures\/runner\/refused\.conf:6:11: invalid literal for int\(\) with base 10: 'soon'/);
    return true;
  });
});

test('a missing file and a conf.d fragment are refused', () => {
  assert.throws(() => dryRun('fixtures/runner/nope.conf', opts(false)), (e: unknown) => isUserError(e) && /could not find config file/.test(e.message));
  assert.throws(() => dryRun('fixtures/runner/fragment.conf', opts(false)), (e: unknown) => isUserError(e) && /does not include supervisord section/.test(e.message));
});
