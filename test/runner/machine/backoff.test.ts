// BACKOFF: delay = exit time + backoff, startretries, give-up, resets, spawn errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SupervisorMachine } from '../../../src/runner/machine/index.js';
import { Manual, Sim, program } from './sim-host.js';

const GAVE_UP = 'entered FATAL state, too many start retries too quickly';

test('defaults: attempts at t=1, 2, 4, 7, then FATAL', () => {
  const sim = new Sim([program('f')], { f: { exitAfterMs: 5, code: 1 } }).run(30_000);
  const spawns = sim.text().filter((l) => l.includes('spawned')).map((l) => l.split(' ')[0]);
  assert.deepEqual(spawns, ['1.0', '2.0', '4.0', '7.0']);
  assert.equal(sim.text().at(-1), `8.0 INFO gave up: f ${GAVE_UP}`);
  assert.equal(sim.machine.states()[0]?.state, 'FATAL');
});

test('retry waits 1, 2, 3 s after each exit (strictly later)', () => {
  const m = new Manual(new SupervisorMachine([program('f')]));
  m.tick(1).exit(100, { code: 1 }, 1.5).tick(1.5).take();
  assert.deepEqual(m.tick(2.5).take(), []);
  assert.deepEqual(m.tick(2.5001).take(), ["INFO spawned: 'f' with pid 101"]);
  m.exit(101, { code: 1 }, 3).tick(3).take();
  assert.deepEqual(m.tick(5).take(), []);
  assert.deepEqual(m.tick(5.0001).take(), ["INFO spawned: 'f' with pid 102"]);
  m.exit(102, { code: 1 }, 6).tick(6).take();
  assert.deepEqual(m.tick(9).take(), []);
  assert.deepEqual(m.tick(9.0001).take(), ["INFO spawned: 'f' with pid 103"]);
  m.exit(103, { code: 1 }, 9.5).tick(9.5).take();
  assert.deepEqual(m.tick(9.6).take(), [`INFO gave up: f ${GAVE_UP}`]);
});

test('startretries=0 means a single attempt', () => {
  const sim = new Sim([program('f', { startretries: 0 })], { f: { exitAfterMs: 5, code: 1 } }).run(30_000);
  assert.deepEqual(sim.text(), [
    "1.0 INFO spawned: 'f' with pid 100",
    '1.0 WARN exited: f (exit status 1; not expected)',
    `2.0 INFO gave up: f ${GAVE_UP}`,
  ]);
});

test('reaching RUNNING resets the counter: later quick failures get all their retries again', () => {
  // Attempts 1-2 fail quickly, 3 runs 3 s then exits 1, then everything fails quickly.
  const sim = new Sim([program('f')], {
    f: (n) => (n === 3 ? { exitAfterMs: 3000, code: 1 } : { exitAfterMs: 5, code: 1 }),
  }).run(60_000);
  const spawns = sim.text().filter((l) => l.includes('spawned')).length;
  assert.equal(spawns, 3 + 4);
  assert.ok(sim.text().at(-1)?.endsWith(`gave up: f ${GAVE_UP}`));
});

test('stopping a BACKOFF process: STOPPED (DEBG only), counter kept for the next manual start', () => {
  const m = new Manual(new SupervisorMachine([program('f')]));
  m.tick(1).exit(100, { code: 1 }, 1.1).tick(1.1);
  m.tick(2.2).exit(101, { code: 1 }, 2.3).tick(2.3).take(); // backoff = 2
  const r = m.machine.stopProcess('f:f', 1000 + 2.4);
  assert.ok(r.ok);
  m.perform(r.actions, 2.4);
  assert.deepEqual(m.take(true), ['DEBG Attempted to kill f, which is in BACKOFF state.']);
  assert.equal(m.state('f:f'), 'STOPPED');
  const s = m.machine.startProcess('f:f', 1000 + 3);
  assert.ok(s.ok);
  m.perform(s.actions, 3).exit(102, { code: 1 }, 3.1).tick(3.1); // backoff = 3
  m.tick(6.2).exit(103, { code: 1 }, 6.3).tick(6.3); // backoff = 4
  m.tick(7);
  assert.equal(m.state('f:f'), 'FATAL');
  assert.equal(m.machine.summary()[0]?.starts, 4);
});

test('spawn errors: spawnerr line, no spawned line, BACKOFF; the 4th gives up in the same tick', () => {
  const sim = new Sim([program('x')], {}, { x: "can't find command 'x'" }).run(30_000);
  assert.deepEqual(sim.text(), [
    "1.0 INFO spawnerr: can't find command 'x'",
    "2.0 INFO spawnerr: can't find command 'x'",
    "4.0 INFO spawnerr: can't find command 'x'",
    "7.0 INFO spawnerr: can't find command 'x'",
    `7.0 INFO gave up: x ${GAVE_UP}`,
  ]);
  const [s] = sim.machine.summary();
  assert.equal(s?.spawnErrors, 4);
  assert.equal(s?.starts, 0);
  assert.equal(s?.failed, true);
});

test('a spawn error from STARTING leaves BACKOFF with delay = now + 1', () => {
  const m = new Manual(new SupervisorMachine([program('x')]));
  m.spawnError = 'command is empty';
  m.tick(1);
  assert.equal(m.state('x:x'), 'BACKOFF');
  m.spawnError = null;
  assert.deepEqual(m.tick(2).take(), ['INFO spawnerr: command is empty']);
  assert.deepEqual(m.tick(2.01).take(), ["INFO spawned: 'x' with pid 100"]);
});
