import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN, scenarios, type ScenarioResult } from './support.js';

const input = (name: string) => ({ fixture: `cli/inputs/${name}` });

/** Every pid the runner says it spawned is gone once it has exited: nothing is left running. */
function nothingLeftRunning(r: ScenarioResult): void {
  const pids = [...r.stdout.matchAll(/spawned: '[^']+' with pid (\d+)/g)].map((m) => Number(m[1]));
  assert.ok(pids.length > 0, 'the run spawned something');
  for (const pid of pids) {
    assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' }, `pid ${pid} is still running after the run`);
  }
}

const START_ORDER = ['early', 'pool:zeta', 'pool:alpha', 'web:web_0', 'web:web_1'];

scenarios('gen-supervisor run', [
  {
    name: 'run-dry-run',
    args: ['run', '--dry-run', 'basic.conf'],
    files: { 'basic.conf': input('run-basic.conf') },
    expected: {
      exitCode: 0,
      stderr: '',
      stdout: GOLDEN,
      // nothing was started, so no log file either
      listing: ['basic.conf'],
    },
    check: (r) => {
      const headers = [...r.stdout.matchAll(/^(\S+) {2}\(group /gm)].map((m) => m[1]);
      assert.deepEqual(headers, START_ORDER, 'processes are listed in start order');
    },
  },
  {
    name: 'run-dry-run-json',
    args: ['run', '--dry-run', '--json', 'basic.conf'],
    files: { 'basic.conf': input('run-basic.conf') },
    expected: {
      exitCode: 0,
      stderr: '',
      stdout: (s) => {
        const report = JSON.parse(s) as { source: string; processes: { key: string; argv: string[]; autostart: boolean; environment: Record<string, string> }[] };
        assert.equal(report.source, 'basic.conf');
        assert.deepEqual(report.processes.map((p) => p.key), ['early:early', ...START_ORDER.slice(1)]);
        const web1 = report.processes.find((p) => p.key === 'web:web_1')!;
        assert.deepEqual(web1.argv, ['/bin/sh', '-c', 'exec sleep 1000', '--name', 'a b']);
        assert.equal(web1.environment.PORT, '8001');
        assert.equal(report.processes[0]!.autostart, false);
      },
      listing: ['basic.conf'],
    },
  },
  {
    name: 'run-dry-run-workers-yaml',
    args: ['run', 'workers.yaml', '--dry-run', '--var', 'app=/srv/app'],
    files: { 'workers.yaml': input('workers.yaml') },
    expected: {
      exitCode: 0,
      stderr: '',
      stdout: (s) => {
        assert.match(s, /^workers\.yaml: would start 4 processes \(nothing is started\)$/m);
        const headers = [...s.matchAll(/^(\S+) {2}\(group /gm)].map((m) => m[1]);
        assert.deepEqual(headers.sort(), ['queues:mailer', 'queues:queue-worker_00', 'queues:queue-worker_01', 'queues:queue-worker_02']);
        assert.match(s, /argv: +php \/srv\/app\/artisan queue:work --sleep=3 --tries=3$/m);
        assert.match(s, /argv: +php \/srv\/app\/artisan queue:work '--queue=mail; urgent'$/m);
        assert.match(s, /^ +GREETING=say "hi" to all$/m);
      },
      listing: ['workers.yaml'],
    },
  },
  {
    name: 'run-dry-run-workers-invalid',
    args: ['run', '--dry-run', 'bad.yaml'],
    files: { 'bad.yaml': input('schema-errors.yaml') },
    expected: { exitCode: 2, stdout: '', stderr: /^bad\.yaml:4:5: .*did you mean command\?/m },
  },
  {
    name: 'run-refused-config',
    args: ['run', 'refused.conf', '--for', '1s'],
    files: { 'refused.conf': input('run-refused.conf') },
    expected: {
      exitCode: 2,
      stdout: '',
      stderr: (s) => {
        assert.match(s, /^refused\.conf:6:11: .*'soon'/m);
        assert.match(s, /^refused\.conf:7:13: .*'maybe'/m);
      },
      // nothing started: not even the main log was opened
      listing: ['refused.conf'],
    },
  },
  {
    name: 'run-bad-duration',
    args: ['run', '--for', '2x', 'sleep.conf'],
    files: { 'sleep.conf': input('run-sleep.conf') },
    expected: { exitCode: 2, stdout: '', stderr: /invalid duration '2x'.*30s/, listing: ['sleep.conf'] },
  },
  {
    name: 'run-missing-file',
    args: ['run', 'nope.conf'],
    expected: { exitCode: 2, stdout: '', stderr: /nope\.conf.*could not find config file/ },
  },
  {
    name: 'run-for-sleeper',
    args: ['run', '--for', '2s', 'sleep.conf'],
    files: { 'sleep.conf': input('run-sleep.conf') },
    timeoutMs: 8000,
    expected: {
      exitCode: 0,
      stdout: (s) => {
        assert.match(s, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO spawned: 'sleeper' with pid \d+$/m);
        assert.match(s, /INFO success: sleeper entered RUNNING state, process has stayed up for > than 1 seconds \(startsecs\)$/m);
        assert.match(s, /stopped: sleeper \(terminated by SIGTERM\)$/m);
        assert.match(s, /^sleeper +STOPPED +1 +0 /m);
        assert.match(s, /^ok: 1 process, none FATAL, no unexpected exit$/m);
      },
    },
    check: (r) => {
      nothingLeftRunning(r);
      // the main log goes where supervisord writes it: [supervisord] logfile, with %(here)s
      assert.match(readFileSync(join(r.cwd, 'supervisord.log'), 'utf8'), /spawned: 'sleeper' with pid \d+/);
      assert.ok(r.elapsed < 6000, `--for 2s took ${r.elapsed} ms`);
    },
  },
  {
    name: 'run-sigint-stops-everything',
    args: ['run', 'sleep.conf'],
    files: { 'sleep.conf': input('run-sleep.conf') },
    signal: { afterMs: 2300, name: 'SIGINT' },
    timeoutMs: 8000,
    expected: {
      exitCode: 0,
      stdout: (s) => {
        assert.match(s, /spawned: 'sleeper' with pid \d+/);
        assert.match(s, /WARN received SIGINT indicating exit request$/m);
        assert.match(s, /stopped: sleeper \(terminated by SIGTERM\)$/m);
      },
    },
    check: nothingLeftRunning,
  },
  {
    name: 'run-help',
    args: ['run', '--help'],
    expected: { exitCode: 0, stderr: '', stdout: /^Usage: gen-supervisor run \[options\] <file>[\s\S]*--dry-run[\s\S]*--json[\s\S]*--for <duration>[\s\S]*--var <name=value>/ },
  },
  {
    name: 'run-for-crash-unexpected',
    args: ['run', '--for', '2s', 'crash.conf'],
    files: { 'crash.conf': input('run-crash.conf') },
    timeoutMs: 8000,
    expected: {
      exitCode: 1,
      stdout: (s) => {
        assert.match(s, /WARN exited: crasher \(exit status 1; not expected\)$/m);
        assert.match(s, /^crasher +EXITED +1 +0 +1 +exit status 1 \(not expected\)$/m);
        assert.match(s, /^failed: crasher \(exited unexpectedly\)$/m);
      },
    },
    check: nothingLeftRunning,
  },
  {
    name: 'run-for-fatal',
    args: ['run', '--for', '1500ms', 'fatal.conf'],
    files: { 'fatal.conf': input('run-fatal.conf') },
    timeoutMs: 8000,
    expected: {
      exitCode: 1,
      stdout: (s) => {
        assert.match(s, /INFO gave up: flaky entered FATAL state, too many start retries too quickly$/m);
        assert.match(s, /^flaky +FATAL /m);
        assert.match(s, /^failed: flaky \(FATAL\)$/m);
      },
    },
    check: nothingLeftRunning,
  },
]);
