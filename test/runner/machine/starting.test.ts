// STARTING: startsecs (strictly greater, on a tick), exits before and after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SupervisorMachine } from '../../../src/runner/machine/index.js';
import { Manual, Sim, program } from './sim-host.js';

const SUCCESS = 'process has stayed up for > than 1 seconds (startsecs)';

test('STOPPED -> STARTING on the first tick; RUNNING only when uptime > startsecs', () => {
  const m = new Manual(new SupervisorMachine([program('a')]));
  assert.equal(m.state('a:a'), 'STOPPED');
  assert.deepEqual(m.tick(1).take(), ["INFO spawned: 'a' with pid 100"]);
  assert.equal(m.state('a:a'), 'STARTING');
  assert.deepEqual(m.tick(2).take(), [], 'uptime == startsecs is not enough');
  assert.deepEqual(m.tick(2.0001).take(), [`INFO success: a entered RUNNING state, ${SUCCESS}`]);
  assert.equal(m.state('a:a'), 'RUNNING');
});

test('an exit before startsecs is a failed start whatever the code (exit 0 included)', () => {
  const m = new Manual(new SupervisorMachine([program('a')]));
  m.tick(1).take();
  m.exit(100, { code: 0 }, 1.5).tick(1.5);
  assert.deepEqual(m.take(), ['WARN exited: a (exit status 0; not expected)']);
  assert.equal(m.state('a:a'), 'BACKOFF');
  const [s] = m.machine.summary();
  assert.equal(s?.spawnerr, 'Exited too quickly (process log may have details)');
  assert.equal(s?.quickExits, 1);
});

test('uptime >= startsecs at the reap with no tick in between: RUNNING then EXITED, no success line', () => {
  const m = new Manual(new SupervisorMachine([program('a', { autorestart: false })]));
  m.tick(1).take();
  m.exit(100, { code: 0 }, 2).tick(2);
  assert.deepEqual(m.take(), ['INFO exited: a (exit status 0; expected)']);
  assert.equal(m.state('a:a'), 'EXITED');
});

test('startsecs=0, exit 0: success on the waking tick (transition runs before the reap), then exited', () => {
  // supervisord 4.2.5 on this host logged exactly this when the exit woke its loop.
  const sim = new Sim([program('s0', { startsecs: 0, autorestart: false })],
    { s0: { exitAfterMs: 6, code: 0 } }).run(10_000);
  assert.deepEqual(sim.text(), [
    "1.0 INFO spawned: 's0' with pid 100",
    '1.0 INFO success: s0 entered RUNNING state, process has stayed up for > than 0 seconds (startsecs)',
    '1.0 INFO exited: s0 (exit status 0; expected)',
  ]);
});

test('startsecs=0, exit 3, autorestart=false: not expected, EXITED, no retry', () => {
  const sim = new Sim([program('s0fail', { startsecs: 0, autorestart: false })],
    { s0fail: { exitAfterMs: 6, code: 3 } }).run(10_000);
  assert.deepEqual(sim.text().slice(2), ['1.0 WARN exited: s0fail (exit status 3; not expected)']);
  assert.equal(sim.machine.states()[0]?.state, 'EXITED');
});

test('an exit reaped at the very instant of the spawn is not "too quick" (supervisord warns)', () => {
  const m = new Manual(new SupervisorMachine([program('a')]));
  m.tick(1).take();
  m.exit(100, { code: 0 }, 1).tick(1);
  assert.deepEqual(m.take(), [
    "WARN process 'a' (100) laststart time is in the future, don't know how long process was "
      + 'running so assuming it did not exit too quickly',
    'INFO exited: a (exit status 0; expected)',
  ]);
});

test('autostart=false never spawns on its own; startProcess does, and refuses when running', () => {
  const m = new Manual(new SupervisorMachine([program('a', { autostart: false })]));
  assert.deepEqual(m.tick(1).tick(2).take(), []);
  const r = m.machine.startProcess('a:a', 1000 + 2.5);
  assert.ok(r.ok);
  m.perform(r.actions, 2.5);
  assert.deepEqual(m.take(), ["INFO spawned: 'a' with pid 100"]);
  const again = m.machine.startProcess('a:a', 1000 + 2.6);
  assert.deepEqual(again, { ok: false, fault: 'ALREADY_STARTED', message: 'a:a' });
  assert.equal(m.machine.startProcess('nope:x', 1000 + 2.6).ok, false);
});
