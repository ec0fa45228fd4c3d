// Host-facing helpers: tick timing, ordering, signal names, exit texts, summaries, misuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SupervisorMachine, decodeExit, nextTickDue, signalNumber, signame, sortGroups,
  sortProcessesLikeSupervisord, POLL_TIMEOUT,
} from '../../../src/runner/machine/index.js';
import { Manual, program, proc } from './sim-host.js';

test('nextTickDue: the poll timeout, or at once when an exit waits to be reaped', () => {
  const m = new SupervisorMachine([program('a', { autostart: false })]);
  assert.equal(POLL_TIMEOUT, 1);
  assert.equal(nextTickDue(m, 1005), 1006);
  m.exited(4242, { code: 0 }, 1005.5);
  assert.equal(nextTickDue(m, 1005), 1005);
  assert.deepEqual(m.tick(1005.5).filter((a) => a.type === 'log' && a.level === 'INFO'),
    [{ type: 'log', level: 'INFO', message: 'reaped unknown pid 4242 (exit status 0)' }]);
  assert.equal(m.hasPendingExits, false);
});

test('group order: (priority, name), then section kind; process order lexical by name', () => {
  const g = (name: string, priority: number, kind: 'group' | 'program' | 'eventlistener' | 'fcgi-program') =>
    ({ name, priority, kind, processes: [] });
  const sorted = sortGroups([g('x', 5, 'program'), g('x', 5, 'fcgi-program'), g('x', 5, 'group'), g('a', 5, 'eventlistener'), g('z', 1, 'program')]);
  assert.deepEqual(sorted.map((s) => `${s.kind}:${s.name}`),
    ['program:z', 'eventlistener:a', 'group:x', 'program:x', 'fcgi-program:x']);
  const procs = sortProcessesLikeSupervisord([proc('n_2'), proc('n_10'), proc('n_0', { priority: 1000 }), proc('n_1')]);
  assert.deepEqual(procs.map((p) => p.name), ['n_1', 'n_10', 'n_2', 'n_0']);
});

test('signal names as supervisord prints them', () => {
  assert.equal(signame(6), 'SIGABRT');
  assert.equal(signame(29), 'SIGPOLL');
  assert.equal(signame(32), 'signal 32');
  assert.equal(signalNumber('SIGIOT'), 6);
  assert.equal(signalNumber('term'), 15);
  assert.equal(signalNumber('nope'), undefined);
});

test('exit texts: status, signal, core dump, unknown signal', () => {
  assert.deepEqual(decodeExit({ code: 1 }), { status: 1, description: 'exit status 1' });
  assert.deepEqual(decodeExit({ signal: 'SIGSEGV', coreDumped: true }),
    { status: -1, description: 'terminated by SIGSEGV (core dumped)' });
  assert.deepEqual(decodeExit({ signal: 40 }), { status: -1, description: 'terminated by signal 40' });
});

test('summary: state, starts, last exit, failure flag', () => {
  const m = new Manual(new SupervisorMachine([program('ok'), program('bad', { autorestart: false })]));
  m.tick(1).tick(2.5).exit(101, { code: 0 }, 3).exit(100, { code: 9 }, 3).tick(3);
  const [bad, ok] = m.machine.summary();
  assert.equal(bad?.name, 'bad');
  assert.equal(bad?.state, 'EXITED');
  assert.equal(bad?.failed, true);
  assert.equal(bad?.lastExit?.description, 'exit status 9');
  assert.equal(bad?.spawnerr, 'Bad exit code 9');
  assert.equal(ok?.state, 'EXITED');
  assert.equal(ok?.starts, 1);
  assert.equal(ok?.failed, false);
  assert.equal(ok?.lastExit?.expected, true);
});

test('misuse is a bug: tick while a spawn awaits its result, or the wrong spawn answered', () => {
  const m = new SupervisorMachine([program('a'), program('b')]);
  const first = m.tick(1001);
  assert.deepEqual(first, [{ type: 'spawn', key: 'a:a', process: proc('a') }]);
  assert.equal(m.awaitingSpawn?.key, 'a:a');
  assert.throws(() => m.tick(1001.1), /awaits a result/);
  assert.throws(() => m.spawned('b:b', 7, 1001), /no spawn of b:b/);
  const next = m.spawned('a:a', 7, 1001);
  assert.deepEqual(next, [
    { type: 'log', level: 'INFO', message: "spawned: 'a' with pid 7" },
    { type: 'spawn', key: 'b:b', process: proc('b') },
  ]);
  assert.deepEqual(m.spawnError('b:b', 'command is empty', 1001), [
    { type: 'log', level: 'INFO', message: 'spawnerr: command is empty' },
  ]);
  assert.equal(m.awaitingSpawn, null);
});
