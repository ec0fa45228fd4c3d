// The harness itself, checked against the real supervisord 4.2.5: if these fail, no compat
// suite can be trusted.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SUPERVISORD_BIN,
  normaliseLog,
  oracleParse,
  oracleParseMany,
  parseLog,
  perProcessEvents,
  requireSupervisord,
  runSupervisord,
  sessionProcesses,
  supervisordVersion,
  tempDir,
} from '../support/supervisord.js';

function writeConf(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('oracle (supervisor 4.2.5 parser)', () => {
  let dir: string;
  before(() => {
    requireSupervisord();
    dir = tempDir('gs-harness-');
  });

  it('finds supervisord 4.2.5', () => {
    assert.equal(supervisordVersion(), '4.2.5');
  });

  it('accepts a minimal config and reports its process with defaults', async () => {
    const p = writeConf(dir, 'min.conf', '[supervisord]\n\n[program:hello]\ncommand=/bin/echo hi\n');
    const r = await oracleParse(p);
    assert.equal(r.accepted, true, r.stderr);
    assert.equal(r.error, null);
    assert.equal(r.version, '4.2.5');
    assert.deepEqual(
      r.groups!.map((g) => [g.name, g.type, g.priority]),
      [['hello', 'ProcessGroupConfig', 999]],
    );
    const proc = r.groups![0]!.processes[0]!;
    assert.equal(proc.name, 'hello');
    assert.equal(proc.command, '/bin/echo hi');
    assert.equal(proc.autostart, true);
    assert.equal(proc.autorestart, 'unexpected');
    assert.equal(proc.startsecs, 1);
    assert.equal(proc.startretries, 3);
    assert.deepEqual(proc.exitcodes, [0]);
    assert.equal(proc.stopsignal, 'SIGTERM');
    assert.equal(proc.stopwaitsecs, 10);
    assert.equal(proc.stdout_logfile, 'AUTO');
    assert.equal(proc.stdout_logfile_maxbytes, 50 * 1024 * 1024);
    assert.equal(proc.uid, null);
    // relative default paths are resolved against the config's folder (the oracle's cwd)
    assert.equal(r.supervisord!.logfile, join(dir, 'supervisord.log'));
    assert.equal(r.supervisord!.loglevel, 'INFO');
    assert.deepEqual(r.warnings, []);
  });

  it("refuses numprocs=2 without %(process_num) with supervisord's exact message", async () => {
    const p = writeConf(dir, 'np.conf', '[supervisord]\n\n[program:a]\ncommand=/bin/sleep 10\nnumprocs=2\n');
    const r = await oracleParse(p);
    const expected =
      "Error: %(process_num) must be present within process_name when numprocs > 1 in section 'program:a' " +
      `(file: '${p}')`;
    assert.equal(r.accepted, false);
    assert.equal(r.exitCode, 2);
    assert.equal(r.error, expected);
    assert.equal(r.message, expected.slice('Error: '.length));
    // the binary itself prints the same line (it refuses before starting anything)
    const real = spawnSync(SUPERVISORD_BIN, ['-c', p], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(real.status, 2);
    assert.equal(real.stderr.split('\n')[0], expected);
  });

  it('runs many files in one process, each with its own environment and folder', async () => {
    const sub = tempDir('gs-harness-many-');
    const a = writeConf(sub, 'a.conf', '[supervisord]\nlogfile=main.log\n[program:x]\ncommand=/bin/echo %(ENV_GS_WORD)s\n');
    const results = await oracleParseMany([
      { path: a, env: { GS_WORD: 'one' } },
      { path: a, env: { GS_WORD: 'two' } },
      { path: a, env: { GS_WORD: null } },
      join(sub, 'missing.conf'),
    ]);
    assert.equal(results.length, 4);
    assert.equal(results[0]!.groups![0]!.processes[0]!.command, '/bin/echo one');
    assert.equal(results[1]!.groups![0]!.processes[0]!.command, '/bin/echo two');
    assert.equal(results[0]!.supervisord!.logfile, join(sub, 'main.log'));
    assert.equal(results[2]!.accepted, false);
    assert.match(results[2]!.message!, /^Format string '\/bin\/echo %\(ENV_GS_WORD\)s' for 'program:x\.command' contains names \('ENV_GS_WORD'\) which cannot be expanded/);
    assert.equal(results[3]!.error, `Error: could not find config file ${join(sub, 'missing.conf')}`);
  });
});

describe('runSupervisord (real supervisord, ~8-12 s)', () => {
  before(() => requireSupervisord());

  it('shows the spawn/backoff/give-up transcript of `sh -c "exit 1"` and leaves no process behind', async () => {
    const dir = tempDir('gs-harness-run-');
    const conf = writeConf(
      dir,
      'fail.conf',
      [
        '[supervisord]',
        'logfile=%(here)s/main.log',
        'pidfile=%(here)s/supervisord.pid',
        'childlogdir=%(here)s',
        '',
        '[program:fail1]',
        'command=sh -c "exit 1"',
        // A loaded machine can make supervisord notice a death only at the next 1 s tick, after
        // startsecs=1 has passed (then: RUNNING, exited, restarted forever). 3 s keeps every exit
        // "too quick", so the transcript is the §6.7 one whatever the load.
        'startsecs=3',
        '',
        // sh is stopped at shutdown, its background sleep is orphaned: the harness must reap it
        '[program:orphan]',
        'command=sh -c "sleep 300 & sleep 300"',
        'startsecs=0',
        '',
      ].join('\n'),
    );
    const r = await runSupervisord(conf, { seconds: 25, until: /^INFO gave up: fail1 / });
    assert.equal(r.killed, false, 'supervisord should stop on SIGTERM');
    assert.equal(r.exitCode, 0);

    const normal = normaliseLog(r.lines);
    assert.ok(normal.includes('INFO supervisord started with pid PID'), normal.join('\n'));

    const fail1 = perProcessEvents(r.lines)['fail1'] ?? [];
    assert.deepEqual(normaliseLog(fail1), [
      "INFO spawned: 'fail1' with pid PID",
      'WARN exited: fail1 (exit status 1; not expected)',
      "INFO spawned: 'fail1' with pid PID",
      'WARN exited: fail1 (exit status 1; not expected)',
      "INFO spawned: 'fail1' with pid PID",
      'WARN exited: fail1 (exit status 1; not expected)',
      "INFO spawned: 'fail1' with pid PID",
      'WARN exited: fail1 (exit status 1; not expected)',
      'INFO gave up: fail1 entered FATAL state, too many start retries too quickly',
    ]);
    // backoff waits 1, 2, 3 s (plus tick latency: up to 1 s, 2 s when the death is noticed late)
    const spawns = fail1.filter((l) => l.message.startsWith('spawned:')).map((l) => l.time);
    const gaps = spawns.slice(1).map((t, i) => t - spawns[i]!);
    gaps.forEach((g, i) => assert.ok(g >= i + 1 - 0.05 && g <= i + 3.5, `gap ${i + 1}: ${g}s`));
    assert.ok(r.lines.every((l, i) => i === 0 || l.time >= r.lines[i - 1]!.time));

    const orphan = normaliseLog(perProcessEvents(r.lines)['orphan'] ?? []);
    assert.equal(orphan[0], "INFO spawned: 'orphan' with pid PID");
    assert.ok(orphan.includes('WARN stopped: orphan (terminated by SIGTERM)'), orphan.join('\n'));

    assert.ok(r.leftovers.length >= 1, 'the orphaned sleep should have been found in the session');
    assert.deepEqual(sessionProcesses(r.pid), []);
    assert.ok(existsSync(join(dir, 'main.log')));
  });
});

describe('log helpers', () => {
  it('parses, normalises and groups main-log text', () => {
    const lines = parseLog(
      [
        '2024-01-02 03:04:05,100 INFO spawned: \'a\' with pid 123',
        '2024-01-02 03:04:06,350 DEBG \'a\' stdout output:',
        'hello',
        '2024-01-02 03:04:07,100 WARN killing \'a\' (123) with SIGKILL',
        '2024-01-02 03:04:07,101 DEBG killing a (pid 123) with signal SIGKILL',
        '2024-01-02 03:04:07,102 INFO spawnerr: command is empty',
      ].join('\n'),
    );
    assert.deepEqual(
      lines.map((l) => [l.time, l.level]),
      [[0, 'INFO'], [1.25, 'DEBG'], [2, 'WARN'], [2.001, 'DEBG'], [2.002, 'INFO']],
    );
    assert.equal(lines[1]!.message, "'a' stdout output:\nhello");
    assert.deepEqual(normaliseLog(lines.slice(2, 4)), [
      "WARN killing 'a' (PID) with SIGKILL",
      'DEBG killing a (pid PID) with signal SIGKILL',
    ]);
    assert.deepEqual(Object.keys(perProcessEvents(lines)), ['a']);
    assert.equal(perProcessEvents(lines)['a']!.length, 4);
  });
});
