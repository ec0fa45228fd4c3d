import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUserError } from '../../src/core/errors.js';
import { lintFiles } from '../../src/lint/lint-files.js';
import type { LintOptions } from '../../src/lint/types.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gs-lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
const opts = (cwd: string, more: Partial<LintOptions> = {}): LintOptions => ({ cwd, host: false, env: {}, hostname: 'h', ...more });

const FULL = `[supervisord]
nodaemon=true

[unix_http_server]
file=/run/supervisor.sock

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix:///run/supervisor.sock
`;

test('the seed example: an error at the process_name line, supervisord text first, then the fix', () => {
  const cwd = project({ 'x.conf': '[program:my-app]\ncommand=/usr/bin/php artisan queue:work\nprocess_name = my-app-worker-%(process_num)\nnumprocs=2\n' });
  const r = lintFiles(['x.conf'], opts(cwd));
  const e = r.diagnostics.filter((d) => d.severity === 'error');
  assert.equal(e.length, 1);
  assert.equal(e[0]!.ruleId, 'expansion');
  assert.equal(e[0]!.line, 3);
  assert.match(e[0]!.message, /^Format string 'my-app-worker-%\(process_num\)' for 'process_name' is badly formatted: incomplete format/);
  assert.match(e[0]!.message, /conversion character is missing.*%\(process_num\)02d or %\(process_num\)s/);
  assert.equal(r.exitCode, 1);
  assert.deepEqual(r.files, [{ path: 'x.conf', mode: 'fragment' }]);
});

test('a conf.d fragment is not failed for the missing [supervisord]; a main file is', () => {
  const cwd = project({ 'frag.conf': '[program:a]\ncommand=/bin/cat\n', 'main.conf': '[SUPERVISORD]\n\n[program:a]\ncommand=/bin/cat\n' });
  const frag = lintFiles(['frag.conf'], opts(cwd));
  assert.deepEqual(frag.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.equal(frag.files[0]!.mode, 'fragment');
  const main = lintFiles(['main.conf'], opts(cwd));
  assert.equal(main.files[0]!.mode, 'full');
  assert.deepEqual(main.diagnostics.map((d) => d.ruleId).sort(), ['miscased-section', 'missing-section']);
});

test('a fragment is judged as supervisord reads it when a main file includes it', () => {
  const cwd = project({
    'frag.conf': '[DEFAULT]\ndirectory=/no/such/gs-app\n\n[program:app]\ncommand=/bin/cat\nstdout_logfile=%(here)s/logs/%(process_name)s.log\n',
  });
  const r = lintFiles(['frag.conf'], opts(cwd, { host: true, env: { PATH: '/usr/bin:/bin' } }));
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => [d.line, d.ruleId, d.message.split(cwd).join('<dir>').split(' which')[0]]),
    [
      [2, 'host-path', '/no/such/gs-app is not an existing directory'],
      [6, 'expansion', "Format string '<dir>/logs/%(process_name)s.log' for 'program:app.stdout_logfile' contains names ('process_name')"],
    ],
  );
  assert.equal(r.files[0]!.mode, 'fragment');
});

test('host path checks walk `..` through the file system, as os.path.isdir does', () => {
  const cwd = project({
    'logs/.keep': '',
    's.conf': '[supervisord]\npidfile=missing/../logs/s.pid\nchildlogdir=%(here)s/old/../logs\nlogfile=logs/../logs/s.log\n',
  });
  const r = lintFiles(['s.conf'], opts(cwd, { host: true, env: { PATH: '/usr/bin:/bin' } }));
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.message.split(cwd).join('<dir>')]),
    [
      [2, 'The directory named as part of the path missing/../logs/s.pid does not exist'],
      [3, '<dir>/old/../logs is not an existing directory'],
    ],
  );
});

// Speed is measured by bench/lint.mjs, never asserted here; this checks the message on a large set.
test('shared-logfile names the first writers once when 40,000 processes write one file', () => {
  const cwd = project({
    's.conf': `${FULL}\n[program:w]\ncommand=/bin/true\nprocess_name=%(program_name)s_%(process_num)s\nnumprocs=40000\nstdout_logfile=/tmp/w.log\n`,
  });
  const r = lintFiles(['s.conf'], opts(cwd));
  const shared = r.diagnostics.filter((d) => d.ruleId === 'shared-logfile');
  assert.equal(shared.length, 1);
  assert.match(shared[0]!.message, /^\/tmp\/w\.log is written by w_0 \(stdout\) and also by w_1 \(stdout\), w_10 \(stdout\), w_100 \(stdout\), w_1000 \(stdout\), \.\.\.:/);
});

test('every error is reported, not only the first', () => {
  const cwd = project({ 'x.conf': '[program:a]\ncommand=/bin/cat\nautostart=enabled\nstartsecs=abc\n\n[program:b]\n' });
  const r = lintFiles(['x.conf'], opts(cwd));
  assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.ruleId]), [[3, 'invalid-value'], [4, 'invalid-value'], [6, 'required-option']]);
});

test('[include] is followed; findings in included files name them, relative to cwd', () => {
  const cwd = project({ 'supervisord.conf': `${FULL}\n[include]\nfiles = conf.d/*.conf\n`, 'conf.d/a.conf': '[program:a]\ncommand=/bin/cat\nauto_restart=true\n' });
  const r = lintFiles(['supervisord.conf'], opts(cwd));
  assert.deepEqual(r.files, [{ path: 'supervisord.conf', mode: 'full' }, { path: 'conf.d/a.conf', mode: 'full', includedBy: 'supervisord.conf' }]);
  assert.deepEqual(r.diagnostics.map((d) => [d.file, d.line, d.ruleId]), [['conf.d/a.conf', 3, 'unknown-key']]);
  assert.match(r.diagnostics[0]!.message, /did you mean autorestart\?/);
  assert.ok(r.sources['conf.d/a.conf']!.includes('auto_restart'));
});

test('--quiet, --max-warnings and exit codes', () => {
  const cwd = project({ 'x.conf': '[program:a]\ncommand=/bin/cat\nauto_restart=true\n' });
  assert.equal(lintFiles(['x.conf'], opts(cwd)).exitCode, 0);
  const strict = lintFiles(['x.conf'], opts(cwd, { maxWarnings: 0 }));
  assert.equal(strict.exitCode, 1);
  assert.equal(strict.tooManyWarnings, true);
  const quiet = lintFiles(['x.conf'], opts(cwd, { quiet: true, maxWarnings: 0 }));
  assert.deepEqual(quiet.diagnostics, []);
  assert.equal(quiet.exitCode, 0);
});

test('disable comments switch a finding off', () => {
  const cwd = project({ 'x.conf': '[program:a]\ncommand=/bin/cat\n; gen-supervisor-disable-next-line unknown-key\nauto_restart=true\n' });
  assert.deepEqual(lintFiles(['x.conf'], opts(cwd)).diagnostics, []);
});

test('an unreadable file is a UserError (exit 2)', () => {
  const cwd = project({});
  assert.throws(() => lintFiles(['nope.conf'], opts(cwd)), (e) => isUserError(e) && e.exitCode === 2 && e.diagnostics[0]!.ruleId === 'file-unreadable');
  assert.throws(() => lintFiles([], opts(cwd)), isUserError);
});

test('worker descriptions are linted with positions', () => {
  const cwd = project({ 'workers.yaml': 'version: 1\nprograms:\n  web:\n    command: /usr/bin/web\n    auto_restart: true\n' });
  const r = lintFiles(['workers.yaml'], opts(cwd));
  assert.deepEqual(r.files, [{ path: 'workers.yaml', mode: 'workers' }]);
  assert.equal(r.diagnostics[0]!.ruleId, 'workers-schema');
  assert.equal(r.diagnostics[0]!.line, 5);
  assert.equal(r.exitCode, 1);
});

test('portable by default; --host judges this machine', () => {
  const cwd = project({ 'x.conf': '[program:a]\ncommand=/bin/cat %(ENV_GS_SURELY_NOT_SET)s\nuser=gs-no-such-user\n' });
  assert.deepEqual(lintFiles(['x.conf'], opts(cwd)).diagnostics.filter((d) => d.severity === 'error'), []);
  const host = lintFiles(['x.conf'], opts(cwd, { host: true, env: { PATH: '/usr/bin:/bin' } }));
  assert.deepEqual(host.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId).sort(), ['host-env', 'host-user']);
});
