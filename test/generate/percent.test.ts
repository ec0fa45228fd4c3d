import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segments } from '../../src/generate/percent.js';
import { gen, genErrors, program, valueOf } from './helpers.js';

test('%(name)CONV is an expansion, %% and a bare % are literal', () => {
  const r = segments('%(process_num)02d 100% %%(x)s');
  assert.deepEqual(r, { ok: true, value: [
    { kind: 'expansion', name: 'process_num', text: '%(process_num)02d' },
    { kind: 'text', text: ' 100% %(x)s' },
  ] });
  assert.equal(segments('%(x)').ok, false);
  assert.equal(segments('%(x').ok, false);
});

test('a literal % is doubled once, and twice in keys supervisord expands twice', () => {
  const out = gen(program('command: date +%s', 'stdout_logfile: /tmp/100%.log', 'stderr_logfile: /tmp/%(program_name)s.log'));
  assert.equal(valueOf(out, 'command'), 'date +%%s');
  assert.equal(valueOf(out, 'stdout_logfile'), '/tmp/100%%%%.log');
  assert.equal(valueOf(out, 'stderr_logfile'), '/tmp/%(program_name)s.log');
  const sup = gen('version: 1\nsupervisord:\n  environment: {A: 5%}\n');
  assert.equal(valueOf(sup, 'environment'), 'A="5%%%%"');
});

test('expansions are checked against the names the key really has', () => {
  assert.deepEqual(genErrors(program('command: x', 'priority: 1', 'user: "%(process_num)d"')).length, 1);
  assert.match(genErrors(program('command: echo %(nope)s'))[0]!, /^w\.yaml:4:14: programs\.p\.command: %\(nope\)s cannot be expanded there/);
  assert.equal(valueOf(gen(program('command: echo %(ENV_HOME)s %(here)s %(host_node_name)s %(numprocs)d')), 'command'), 'echo %(ENV_HOME)s %(here)s %(host_node_name)s %(numprocs)d');
  assert.match(genErrors('version: 1\nsupervisord:\n  environment: {A: "%(host_node_name)s"}\n')[0]!, /cannot be expanded there/);
  assert.match(genErrors(program('command: echo %(program_name)d'))[0]!, /conversion must be s/);
});
