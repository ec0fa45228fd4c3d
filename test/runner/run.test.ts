// Real (short) runs: the main log in supervisord's words, the --for summary and exit code, a
// SIGTERM during startup, a child SIGKILLed from outside; and no process ever left behind.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runFile, type RunnerSignal, type RunResult, type SignalSource } from '../../src/runner/run.js';
import { performance } from 'node:perf_hooks';
import { processGroupMembers } from '../support/procs.js';
import { tempDir } from '../support/tmp.js';

const ENV = { PATH: '/usr/bin:/bin', TMPDIR: '/tmp' };
const AS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const ROOT_CRIT = 'CRIT Supervisor is running as root.  Privileges were not dropped because no user is specified in the config file.  If you intend to run as root, you can set user=root in the config file to avoid this message.';

interface Ran {
  result: RunResult;
  stdout: string;
  stderr: string;
  /** `LEVEL message` of main.log, pids replaced by N. */
  lines: string[];
  pids: number[];
}

/** A signal source the test fires by hand. */
function manualSignals(): { source: SignalSource; fire: (s: RunnerSignal) => void } {
  let handler: ((s: RunnerSignal) => void) | null = null;
  return {
    source: (h) => {
      handler = h;
      return () => {
        handler = null;
      };
    },
    fire: (s) => handler?.(s),
  };
}

async function run(conf: string, opts: { forSeconds?: number; signals?: SignalSource; onStdout?: (s: string) => void; clock?: () => number } = {}): Promise<Ran> {
  const dir = tempDir('gs-runner-run-');
  writeFileSync(join(dir, 'supervisord.conf'), `[supervisord]\nlogfile=%(here)s/main.log\nchildlogdir=%(here)s\n\n${conf}`);
  let stdout = '';
  let stderr = '';
  const result = await runFile('supervisord.conf', {
    ...(opts.forSeconds !== undefined ? { forSeconds: opts.forSeconds } : {}),
    color: false,
    env: ENV,
    cwd: dir,
    stdout: (s) => {
      stdout += s;
      opts.onStdout?.(s);
    },
    stderr: (s) => {
      stderr += s;
    },
    signals: opts.signals ?? (() => () => undefined),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const raw = readFileSync(join(dir, 'main.log'), 'utf8').split('\n').filter(Boolean);
  const pids: number[] = [];
  const lines = raw.map((l) => {
    const m = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (CRIT|ERRO|WARN|INFO|DEBG|TRAC|BLAT) (.*)$/.exec(l);
    assert.ok(m, `not a supervisord log line: ${l}`);
    for (const p of m[2]!.matchAll(/with pid (\d+)|\((\d+)\) with SIGKILL/g)) pids.push(Number(p[1] ?? p[2]));
    return `${m[1]} ${m[2]!.replace(/pid \d+/g, 'pid N').replace(/\(\d+\) with SIGKILL/, '(N) with SIGKILL')}`;
  });
  return { result, stdout, stderr, lines, pids: pids.filter((p) => p !== process.pid) };
}


/** Nothing this run started is alive (SIGKILL is asynchronous: allow it a moment). */
async function assertNothingLeft(pids: number[]): Promise<void> {
  assert.ok(pids.length > 0, 'the run spawned something');
  const exists = () => pids.filter((pid) => existsSync(`/proc/${pid}`));
  for (let i = 0; i < 50 && (processGroupMembers(pids).length > 0 || exists().length > 0); i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(processGroupMembers(pids), []);
  assert.deepEqual(exists(), [], 'every child was reaped');
}

const header = [...(AS_ROOT ? [ROOT_CRIT] : []), 'INFO supervisord started with pid N'];

describe('runFile (real processes)', { concurrency: 3 }, () => {
  test('--for 3s: supervisord\'s lines, the summary, exit 1 for a FATAL process, nothing left', async () => {
    const t0 = Date.now();
    const r = await run(`
[program:sleeper]
command=sleep 30

[program:fail]
command=sh -c "echo failing; exit 1"
startsecs=1
startretries=1
`, { forSeconds: 3 });
    const elapsed = (Date.now() - t0) / 1000;
    assert.deepEqual(r.lines, [
      ...header,
      "INFO spawned: 'fail' with pid N",
      "INFO spawned: 'sleeper' with pid N",
      'WARN exited: fail (exit status 1; not expected)',
      "INFO spawned: 'fail' with pid N",
      'INFO success: sleeper entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
      'WARN exited: fail (exit status 1; not expected)',
      'INFO gave up: fail entered FATAL state, too many start retries too quickly',
      'WARN received SIGTERM indicating exit request',
      'INFO waiting for sleeper to die',
      'WARN stopped: sleeper (terminated by SIGTERM)',
    ]);
    assert.ok(elapsed >= 3 && elapsed < 5, `took ${elapsed}s`);
    assert.equal(r.result.exitCode, 1);
    assert.deepEqual(r.result.summary.map((p) => [p.name, p.state, p.starts, p.failed]), [
      ['fail', 'FATAL', 2, true],
      ['sleeper', 'STOPPED', 1, false],
    ]);
    assert.match(r.stdout, /^PROCESS +STATE +STARTS +FAILED STARTS +UNEXPECTED EXITS +LAST EXIT$/m);
    assert.match(r.stdout, /^fail +FATAL +2 +2 +0 +exit status 1 \(not expected\)$/m);
    assert.match(r.stdout, /^sleeper +STOPPED +1 +0 +0 +terminated by SIGTERM \(stopped\)$/m);
    assert.match(r.stdout, /^failed: fail \(FATAL\)$/m);
    // the main log also went to the console, and the child's output with its prefix
    assert.match(r.stdout, /INFO spawned: 'fail' with pid \d+\n/);
    assert.match(r.stdout, /^fail +\| failing$/m);
    assert.equal(r.stderr, '');
    await assertNothingLeft(r.pids);
  });

  test('SIGTERM during startup: reverse order, SIGKILL after stopwaitsecs, leftovers swept', async () => {
    const sig = manualSignals();
    const timer = setTimeout(() => sig.fire('SIGTERM'), 1300);
    const r = await run(`
[program:ign]
command=sh -c 'trap "" TERM; sleep 60'
startsecs=5
stopwaitsecs=1

[program:orphan]
command=sh -c "sleep 60 & exec sleep 61"
startsecs=5
`, { signals: sig.source });
    clearTimeout(timer);
    assert.deepEqual(r.lines, [
      ...header,
      "INFO spawned: 'ign' with pid N",
      "INFO spawned: 'orphan' with pid N",
      'WARN received SIGTERM indicating exit request',
      'INFO waiting for ign, orphan to die',
      'WARN stopped: orphan (terminated by SIGTERM)',
      "WARN killing 'ign' (N) with SIGKILL",
      'WARN stopped: ign (terminated by SIGKILL)',
    ]);
    assert.equal(r.result.exitCode, 0);
    assert.deepEqual(r.result.summary.map((p) => p.state), ['STOPPED', 'STOPPED']);
    assert.match(r.stderr, /killed 2 leftover process groups/);
    await assertNothingLeft(r.pids);
  });

  test('a child SIGKILLed from outside: exited (terminated by SIGKILL; not expected), then restarted', async () => {
    let killed = false;
    let seen = '';
    const r = await run(`
[program:victim]
command=sleep 30
startsecs=1
`, {
      forSeconds: 3.5,
      onStdout: (s) => {
        if (/success: victim entered RUNNING state/.test(s) && !killed) {
          killed = true;
          const pid = Number(/spawned: 'victim' with pid (\d+)/.exec(seen)?.[1]);
          assert.ok(pid > 0 && pid !== process.pid);
          process.kill(pid, 'SIGKILL');
        }
        seen += s;
      },
    });
    assert.ok(killed);
    assert.deepEqual(r.lines, [
      ...header,
      "INFO spawned: 'victim' with pid N",
      'INFO success: victim entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
      'WARN exited: victim (terminated by SIGKILL; not expected)',
      // the autorestart comes at the next tick (~1 s after the reap), RUNNING a tick later
      "INFO spawned: 'victim' with pid N",
      'INFO success: victim entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
      'WARN received SIGTERM indicating exit request',
      'INFO waiting for victim to die',
      'WARN stopped: victim (terminated by SIGTERM)',
    ]);
    assert.equal(r.pids.length, 2);
    const [row] = r.result.summary;
    assert.equal(row!.starts, 2);
    assert.equal(row!.unexpectedExits, 1);
    assert.equal(r.result.exitCode, 1, 'an unexpected exit fails a --for run');
    assert.match(r.stdout, /^failed: victim \(exited unexpectedly\)$/m);
    await assertNothingLeft(r.pids);
  });

  test('a second SIGINT kills everything at once (SIGKILL), without waiting for stopwaitsecs', async () => {
    const sig = manualSignals();
    const t0 = Date.now();
    const first = setTimeout(() => sig.fire('SIGINT'), 1300);
    const second = setTimeout(() => sig.fire('SIGINT'), 2400);
    const r = await run(`
[program:stubborn]
command=sh -c 'trap "" TERM INT; sleep 60'
startsecs=5
stopwaitsecs=30
`, { signals: sig.source });
    clearTimeout(first);
    clearTimeout(second);
    assert.ok(Date.now() - t0 < 4000, 'did not wait for stopwaitsecs');
    assert.deepEqual(r.lines, [
      ...header,
      "INFO spawned: 'stubborn' with pid N",
      'WARN received SIGINT indicating exit request',
      'INFO waiting for stubborn to die',
      "WARN killing 'stubborn' (N) with SIGKILL",
      'WARN stopped: stubborn (terminated by SIGKILL)',
    ]);
    await assertNothingLeft(r.pids);
  });

  test('an internal error still leaves nothing running', async () => {
    let armed = false;
    const dir = tempDir('gs-runner-err-');
    writeFileSync(join(dir, 'supervisord.conf'), '[supervisord]\nlogfile=%(here)s/main.log\nchildlogdir=%(here)s\n[program:a]\ncommand=sleep 30\n[program:b]\ncommand=sh -c "sleep 31 & exec sleep 32"\n');
    let out = '';
    await assert.rejects(runFile('supervisord.conf', {
      color: false, env: ENV, cwd: dir, stderr: () => undefined, signals: () => () => undefined,
      stdout: (s) => {
        out += s;
        if (/spawned: 'b'/.test(s)) armed = true;
      },
      clock: () => {
        if (armed) {
          armed = false;
          throw new Error('clock broke');
        }
        return performance.now() / 1000 + 1;
      },
    }), /clock broke/);
    const pids = [...out.matchAll(/spawned: '\w' with pid (\d+)/g)].map((m) => Number(m[1]));
    assert.equal(pids.length, 2);
    await assertNothingLeft(pids);
  });
});
