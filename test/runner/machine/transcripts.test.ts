// The verified supervisord transcripts (reference §6.7 and runs of supervisord 4.2.5 itself)
// replayed through the machine with a simulated host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim, program, proc } from './sim-host.js';

test('fail1 / quick0 / run2 with defaults: same lines, order and seconds as supervisord', () => {
  // Children die a few ms after the fork; each death wakes the loop (pipe EOF).
  const sim = new Sim([program('run2'), program('quick0'), program('fail1')], {
    fail1: { exitAfterMs: 5, code: 1 },
    quick0: { exitAfterMs: 10, code: 0 },
    run2: { exitAfterMs: 2005, code: 0 },
  }).run(20_000);
  assert.deepEqual(sim.text(), [
    '1.0 INFO spawned: \'fail1\' with pid 100',
    '1.0 INFO spawned: \'quick0\' with pid 101',
    '1.0 INFO spawned: \'run2\' with pid 102',
    '1.0 WARN exited: fail1 (exit status 1; not expected)',
    '1.0 WARN exited: quick0 (exit status 0; not expected)',
    '2.0 INFO spawned: \'fail1\' with pid 103',
    '2.0 INFO spawned: \'quick0\' with pid 104',
    '2.0 INFO success: run2 entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
    '2.0 WARN exited: fail1 (exit status 1; not expected)',
    '2.0 WARN exited: quick0 (exit status 0; not expected)',
    '3.0 INFO exited: run2 (exit status 0; expected)',
    '5.0 INFO spawned: \'fail1\' with pid 105',
    '5.0 INFO spawned: \'quick0\' with pid 106',
    '5.0 WARN exited: fail1 (exit status 1; not expected)',
    '5.0 WARN exited: quick0 (exit status 0; not expected)',
    '8.0 INFO spawned: \'fail1\' with pid 107',
    '8.0 INFO spawned: \'quick0\' with pid 108',
    '8.0 WARN exited: fail1 (exit status 1; not expected)',
    '8.0 INFO gave up: fail1 entered FATAL state, too many start retries too quickly',
    '8.0 WARN exited: quick0 (exit status 0; not expected)',
    '9.0 INFO gave up: quick0 entered FATAL state, too many start retries too quickly',
  ]);
  const states = sim.machine.states().map((s) => `${s.name}=${s.state}`);
  assert.deepEqual(states, ['fail1=FATAL', 'quick0=FATAL', 'run2=EXITED']);
});

test('SIGTERM-ignoring process, stopwaitsecs=3, RPC stop at 3.988: SIGKILL at 6.988', () => {
  const sim = new Sim([program('ign', { stopwaitsecs: 3 })], { ign: { ignores: [15], dieAfterMs: 1 } });
  sim.callAt(3988, (now) => {
    const r = sim.machine.stopProcess('ign:ign', now);
    assert.ok(r.ok);
    return r.actions;
  });
  // `supervisorctl stop` keeps the loop spinning while it waits: model it with 1 ms wakes.
  for (let ms = 3989; ms <= 7000; ms++) sim.callAt(ms, () => []);
  sim.run(8000);
  assert.deepEqual(sim.text('DEBG', 3), [
    "1.000 INFO spawned: 'ign' with pid 100",
    '2.001 INFO success: ign entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
    '3.988 DEBG killing ign (pid 100) with signal SIGTERM',
    "6.988 WARN killing 'ign' (100) with SIGKILL",
    '6.988 DEBG killing ign (pid 100) with signal SIGKILL',
    '6.989 WARN stopped: ign (terminated by SIGKILL)',
    '6.989 DEBG received SIGCHLD indicating a child quit',
  ]);
});

test('shutdown of several groups (a real supervisord 4.2.5 run, loglevel=debug)', () => {
  const g = {
    name: 'g', priority: 999, kind: 'group' as const,
    processes: [proc('b50', { group: 'g', priority: 50 }), proc('a60', { group: 'g', priority: 60 })],
  };
  const sim = new Sim([
    g, program('p30ign', { priority: 30, stopwaitsecs: 2 }),
    program('p20', { priority: 20 }), program('p10', { priority: 10 }),
  ], { p30ign: { ignores: [15] }, p10: { lateReap: true } });
  sim.signalAt(3500, 'SIGTERM').run(60_000);
  assert.ok(sim.finished);
  assert.deepEqual(sim.text('DEBG'), [
    "1.0 INFO spawned: 'p10' with pid 100",
    "1.0 INFO spawned: 'p20' with pid 101",
    "1.0 INFO spawned: 'p30ign' with pid 102",
    "1.0 INFO spawned: 'b50' with pid 103",
    "1.0 INFO spawned: 'a60' with pid 104",
    '2.0 INFO success: p10 entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
    '2.0 INFO success: p20 entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
    '2.0 INFO success: p30ign entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
    '2.0 INFO success: b50 entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
    '2.0 INFO success: a60 entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)',
    '4.0 WARN received SIGTERM indicating exit request',
    '4.0 DEBG killing a60 (pid 104) with signal SIGTERM',
    '4.0 DEBG killing b50 (pid 103) with signal SIGTERM',
    '4.0 INFO waiting for p10, p20, p30ign, b50, a60 to die',
    '4.0 WARN stopped: b50 (terminated by SIGTERM)',
    '4.0 WARN stopped: a60 (terminated by SIGTERM)',
    '4.0 DEBG received SIGCHLD indicating a child quit',
    '4.0 DEBG killing p30ign (pid 102) with signal SIGTERM',
    "6.0 WARN killing 'p30ign' (102) with SIGKILL",
    '6.0 DEBG killing p30ign (pid 102) with signal SIGKILL',
    '6.0 WARN stopped: p30ign (terminated by SIGKILL)',
    '6.0 DEBG received SIGCHLD indicating a child quit',
    '6.0 DEBG killing p20 (pid 101) with signal SIGTERM',
    '6.0 WARN stopped: p20 (terminated by SIGTERM)',
    '6.0 DEBG received SIGCHLD indicating a child quit',
    '6.0 DEBG killing p10 (pid 100) with signal SIGTERM',
    '7.0 WARN stopped: p10 (terminated by SIGTERM)',
    '7.0 DEBG received SIGCHLD indicating a child quit',
  ]);
});
