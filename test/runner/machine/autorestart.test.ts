// EXITED (an exit after RUNNING): expected or not per exitcodes; autorestart true/false/unexpected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sim, program } from './sim-host.js';

const runsThenExits = (code: number) => ({ exitAfterMs: 1500, code });

test('autorestart=true restarts forever once RUNNING (startretries does not apply)', () => {
  const sim = new Sim([program('a', { autorestart: true, startretries: 0 })], { a: runsThenExits(0) }).run(40_000);
  const lines = sim.text();
  assert.ok(lines.filter((l) => l.includes('spawned')).length >= 15);
  assert.ok(!lines.some((l) => l.includes('gave up')));
  assert.ok(lines.includes('2.5 INFO exited: a (exit status 0; expected)'));
  assert.equal(lines[3], "3.5 INFO spawned: 'a' with pid 101", 'restart at the tick after the reap');
});

test('autorestart=unexpected with exit 1 restarts forever', () => {
  const sim = new Sim([program('a')], { a: runsThenExits(1) }).run(40_000);
  const lines = sim.text();
  assert.ok(lines.filter((l) => l === `${l.split(' ')[0]} WARN exited: a (exit status 1; not expected)`).length >= 15);
  assert.ok(!lines.some((l) => l.includes('gave up')));
  const [s] = sim.machine.summary();
  assert.equal(s?.failed, true);
  assert.ok((s?.unexpectedExits ?? 0) >= 15);
});

test('exitcodes=0,2 and exit 2 after RUNNING: expected, not restarted with autorestart=unexpected', () => {
  const sim = new Sim([program('code2', { exitcodes: [0, 2] })], { code2: runsThenExits(2) }).run(20_000);
  assert.deepEqual(sim.text().slice(2), ['2.5 INFO exited: code2 (exit status 2; expected)']);
  const [s] = sim.machine.summary();
  assert.equal(s?.state, 'EXITED');
  assert.deepEqual({ ...s?.lastExit, at: 0 }, { status: 2, description: 'exit status 2', expected: true, outcome: 'exited', at: 0 });
  assert.ok(Math.abs((s?.lastExit?.at ?? 0) - 1002.5) < 1e-9);
  assert.equal(s?.failed, false);
});

test('autorestart=false: an exit after RUNNING stays EXITED', () => {
  const sim = new Sim([program('a', { autorestart: false })], { a: runsThenExits(1) }).run(20_000);
  assert.deepEqual(sim.text().slice(2), ['2.5 WARN exited: a (exit status 1; not expected)']);
  assert.equal(sim.machine.states()[0]?.state, 'EXITED');
});

test('autorestart=false does not stop quick failures from retrying (BACKOFF, then FATAL)', () => {
  const sim = new Sim([program('a', { autorestart: false })], { a: { exitAfterMs: 5, code: 1 } }).run(20_000);
  assert.equal(sim.text().filter((l) => l.includes('spawned')).length, 4);
  assert.equal(sim.machine.states()[0]?.state, 'FATAL');
});

test('a death by signal after RUNNING is status -1: not expected, restarted by unexpected', () => {
  const sim = new Sim([program('a', { exitcodes: [0, 255] })], { a: { exitAfterMs: 1500, signal: 11 } }).run(4000);
  assert.deepEqual(sim.text().slice(2, 4), [
    '2.5 WARN exited: a (terminated by SIGSEGV; not expected)',
    "3.5 INFO spawned: 'a' with pid 101",
  ]);
});
