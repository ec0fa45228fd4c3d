// STOPPING: stopsignal, SIGKILL after stopwaitsecs, process-group targets, stop results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SupervisorMachine, type ProcessSpec } from '../../../src/runner/machine/index.js';
import { Manual, Sim, program } from './sim-host.js';

function running(over: Partial<ProcessSpec> = {}): Manual {
  const m = new Manual(new SupervisorMachine([program('a', over)]));
  m.tick(1).tick(2.5).take();
  return m;
}

function stop(m: Manual, s: number): void {
  const r = m.machine.stopProcess('a:a', 1000 + s);
  assert.ok(r.ok);
  m.perform(r.actions, s);
}

test('stop sends stopsignal to the pid; SIGKILL once now >= stop time + stopwaitsecs', () => {
  const m = running({ stopwaitsecs: 2, stopsignal: { name: 'INT', number: 2 } });
  stop(m, 10);
  assert.deepEqual(m.take(true), ['DEBG killing a (pid 100) with signal SIGINT']);
  assert.deepEqual(m.signals, ['100 INT']);
  assert.equal(m.state('a:a'), 'STOPPING');
  assert.deepEqual(m.tick(11.999).take(true), []);
  assert.deepEqual(m.tick(12).take(true), [
    "WARN killing 'a' (100) with SIGKILL", 'DEBG killing a (pid 100) with signal SIGKILL',
  ]);
  assert.deepEqual(m.signals, ['100 INT', '100 KILL']);
  m.exit(100, { signal: 9 }, 12.01).tick(12.01);
  assert.deepEqual(m.take(), ['WARN stopped: a (terminated by SIGKILL)']);
  assert.equal(m.state('a:a'), 'STOPPED');
});

test('stopasgroup signals -pid for both signals; killasgroup alone only for SIGKILL', () => {
  const both = running({ stopasgroup: true, killasgroup: true, stopwaitsecs: 0 });
  stop(both, 10);
  both.tick(10.5);
  assert.deepEqual(both.take(true).filter((l) => l.startsWith('DEBG')), [
    'DEBG killing a (pid 100) process group with signal SIGTERM',
    'DEBG killing a (pid 100) process group with signal SIGKILL',
  ]);
  assert.deepEqual(both.signals, ['-100 TERM', '-100 KILL']);
  const killOnly = running({ killasgroup: true, stopwaitsecs: 0 });
  stop(killOnly, 10);
  killOnly.tick(10.5);
  assert.deepEqual(killOnly.signals, ['100 TERM', '-100 KILL']);
});

test('stopwaitsecs=0: SIGKILL at the next tick', () => {
  const m = running({ stopwaitsecs: 0 });
  stop(m, 10);
  m.take(true);
  assert.deepEqual(m.tick(10.0001).take(), ["WARN killing 'a' (100) with SIGKILL"]);
});

test('graceful stop handlers: INFO when the status is in exitcodes, WARN otherwise', () => {
  const sim = new Sim([program('graceful'), program('graceful3')], {
    graceful: { onSignalExit: { code: 0, afterMs: 20 } },
    graceful3: { onSignalExit: { code: 3, afterMs: 20 } },
  }).signalAt(3500, 'SIGTERM').run(20_000);
  const tail = sim.text().slice(-4);
  assert.deepEqual(tail, [
    '4.0 WARN received SIGTERM indicating exit request',
    '4.0 INFO waiting for graceful, graceful3 to die',
    '4.0 WARN stopped: graceful3 (exit status 3)',
    '4.0 INFO stopped: graceful (exit status 0)',
  ]);
});

test('a STARTING process can be stopped; a stopped one cannot (NOT_RUNNING)', () => {
  const m = new Manual(new SupervisorMachine([program('a')]));
  m.tick(1).take();
  stop(m, 1.2);
  assert.equal(m.state('a:a'), 'STOPPING');
  m.exit(100, { signal: 15 }, 1.3).tick(1.3);
  assert.deepEqual(m.take(), ['WARN stopped: a (terminated by SIGTERM)']);
  assert.deepEqual(m.machine.stopProcess('a:a', 1002), { ok: false, fault: 'NOT_RUNNING', message: 'a:a' });
});

test('signal failures: ESRCH is DEBG only; anything else is CRIT and UNKNOWN', () => {
  const m = running();
  stop(m, 10);
  m.take(true);
  m.perform(m.machine.signalFailed('a:a', { code: 'ESRCH' }, 1010), 10);
  assert.deepEqual(m.take(true), [
    'DEBG unable to signal a (pid 100), it probably just exited on its own: [Errno 3] No such process',
  ]);
  assert.equal(m.state('a:a'), 'STOPPING');
  m.perform(m.machine.signalFailed('a:a', { code: 'EPERM', detail: 'Operation not permitted' }, 1010), 10);
  assert.deepEqual(m.take(), ['CRIT unknown problem killing a (100):Operation not permitted']);
  assert.equal(m.state('a:a'), 'UNKNOWN');
  assert.equal(m.machine.summary()[0]?.failed, true);
});
