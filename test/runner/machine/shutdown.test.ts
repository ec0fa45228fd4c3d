// Shutdown (SIGTERM/SIGINT): groups one at a time in reverse order, reports, BACKOFF -> FATAL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SupervisorMachine, sortProcessesLikeSupervisord } from '../../../src/runner/machine/index.js';
import { Manual, Sim, program, proc } from './sim-host.js';

test('BACKOFF at shutdown goes to FATAL silently', () => {
  const sim = new Sim([program('f')], { f: { exitAfterMs: 5, code: 1 } }).signalAt(2500, 'SIGTERM').run(30_000);
  assert.ok(sim.finished);
  assert.deepEqual(sim.text().slice(-2), [
    '2.0 WARN exited: f (exit status 1; not expected)',
    '3.0 WARN received SIGTERM indicating exit request',
  ]);
  assert.equal(sim.machine.states()[0]?.state, 'FATAL');
  assert.equal(sim.machine.summary()[0]?.failed, true);
});

test('inside a program group: lexical start order, stop in the reverse (equal priorities)', () => {
  const names = sortProcessesLikeSupervisord(['n_0', 'n_1', 'n_2', 'n_10'].map((n) => proc(n, { group: 'n' })));
  const sim = new Sim([{ name: 'n', priority: 999, kind: 'program', processes: names }])
    .signalAt(2500, 'SIGTERM').run(30_000);
  const lines = sim.text('DEBG');
  assert.deepEqual(lines.filter((l) => l.includes('spawned')).map((l) => l.split("'")[1]), ['n_0', 'n_1', 'n_10', 'n_2']);
  assert.deepEqual(lines.filter((l) => l.includes('DEBG killing')).map((l) => l.split(' ')[3]), ['n_2', 'n_10', 'n_1', 'n_0']);
});

test('[group:x]: programs= order for starts, descending priority for stops', () => {
  const x = { name: 'x', priority: 999, kind: 'group' as const,
    processes: [proc('a99', { group: 'x', priority: 99 }), proc('z1', { group: 'x', priority: 1 })] };
  const sim = new Sim([x], { a99: { ignores: [15] } }).signalAt(2500, 'SIGTERM').run(30_000);
  const lines = sim.text('DEBG');
  assert.deepEqual(lines.filter((l) => l.includes('spawned')).map((l) => l.split("'")[1]), ['a99', 'z1']);
  assert.deepEqual(lines.filter((l) => l.includes('DEBG killing') && l.includes('SIGTERM')).map((l) => l.split(' ')[3]), ['a99', 'z1']);
});

test('waiting for ... to die every 3 s (strictly more), until SIGKILL after stopwaitsecs', () => {
  const sim = new Sim([program('ign')], { ign: { ignores: [15] } }).signalAt(2500, 'SIGTERM').run(60_000);
  assert.ok(sim.finished);
  assert.deepEqual(sim.text().slice(2), [
    '3.0 WARN received SIGTERM indicating exit request',
    '3.0 INFO waiting for ign to die',
    '6.0 INFO waiting for ign to die',
    '9.0 INFO waiting for ign to die',
    '12.0 INFO waiting for ign to die',
    "13.0 WARN killing 'ign' (100) with SIGKILL",
    '13.0 WARN stopped: ign (terminated by SIGKILL)',
  ]);
  assert.deepEqual(sim.text('BLAT').filter((l) => l.includes('BLAT')), [
    '3.0 BLAT ign state: STOPPING', '6.0 BLAT ign state: STOPPING',
    '9.0 BLAT ign state: STOPPING', '12.0 BLAT ign state: STOPPING',
  ]);
});

test('nothing is spawned once shutting down, even in groups not yet being stopped', () => {
  const sim = new Sim([
    program('late', { priority: 1, autorestart: true }), program('slow', { stopwaitsecs: 5 }),
  ], { late: { exitAfterMs: 3000 }, slow: { ignores: [15] } }).signalAt(2500, 'SIGTERM').run(60_000);
  const after = sim.text().slice(sim.text().indexOf('3.0 WARN received SIGTERM indicating exit request'));
  assert.ok(!after.some((l) => l.includes('spawned')));
  assert.ok(after.includes('4.0 INFO exited: late (exit status 0; expected)'));
  assert.equal(sim.machine.states()[0]?.state, 'EXITED');
  assert.ok(sim.finished);
});

test('SIGINT wording, and done with nothing to stop', () => {
  const m = new Manual(new SupervisorMachine([]));
  m.machine.shutdownRequested('SIGINT', 1000.5);
  const actions = m.machine.tick(1001);
  assert.deepEqual(actions, [
    { type: 'log', level: 'WARN', message: 'received SIGINT indicating exit request' },
    { type: 'done', restart: false },
  ]);
  assert.ok(m.machine.done);
  assert.deepEqual(m.machine.tick(1002), []);
});

test('one signal per tick, deduplicated; SIGHUP restarts; SIGUSR2 reopens logs', () => {
  const m = new Manual(new SupervisorMachine([]));
  m.machine.signalReceived('SIGUSR2');
  m.machine.signalReceived('SIGUSR2');
  m.machine.signalReceived('USR1');
  m.machine.signalReceived(1);
  m.tick(1).tick(2).tick(3);
  assert.deepEqual(m.take(true), [
    'INFO received SIGUSR2 indicating log reopen request', 'reopenLogs',
    'BLAT received SIGUSR1 indicating nothing',
    'WARN received SIGHUP indicating restart request',
  ]);
  assert.ok(m.machine.done);
});

test('SIGHUP during a shutdown is ignored', () => {
  const sim = new Sim([program('ign')], { ign: { ignores: [15] } })
    .signalAt(2500, 'SIGTERM').signalAt(3500, 'SIGHUP').run(60_000);
  assert.ok(sim.text().includes('4.0 WARN ignored SIGHUP indicating restart request (shutdown in progress)'));
});

test('killImmediately (second Ctrl-C): SIGKILL to everything at once', () => {
  const sim = new Sim([program('a'), program('b', { stopasgroup: true, killasgroup: true })],
    { a: { ignores: [15] }, b: { ignores: [15] } }).signalAt(2500, 'SIGTERM').run(3500);
  sim.perform(sim.machine.killImmediately(sim.now()));
  sim.run(60_000);
  assert.ok(sim.finished);
  assert.deepEqual(sim.text('DEBG', 3).slice(4), [
    '3.002 WARN received SIGTERM indicating exit request',
    '3.002 DEBG killing b (pid 101) process group with signal SIGTERM',
    '3.002 INFO waiting for a, b to die',
    "3.002 WARN killing 'b' (101) with SIGKILL",
    '3.002 DEBG killing b (pid 101) process group with signal SIGKILL',
    "3.002 WARN killing 'a' (100) with SIGKILL",
    '3.002 DEBG killing a (pid 100) with signal SIGKILL',
    '3.007 WARN stopped: a (terminated by SIGKILL)',
    '3.007 WARN stopped: b (terminated by SIGKILL)',
    '3.007 DEBG received SIGCHLD indicating a child quit',
  ]);
});
