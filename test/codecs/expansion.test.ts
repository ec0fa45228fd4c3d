import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bareSpecifiers, escapePercent, expand, expandValue, expansionNames, formatExpansionError, type ExpandFailure,
} from '../../src/codecs/expansion.js';
import { oracle } from './oracle.js';
import { rng, pick, randomText } from '../support/random.js';

const NAMES = { ENV_HOME: '/root', here: '/etc/sv', program_name: 'web', group_name: 'web', host_node_name: 'h1', process_num: 3, numprocs: 12 };

const failure = (t: string): ExpandFailure => {
  const r = expand(t, NAMES);
  assert.equal(r.ok, false, t);
  return r as ExpandFailure;
};

test('names, conversions and flags', () => {
  assert.deepEqual(expand('/bin/%(program_name)s-%(process_num)02d', NAMES), { ok: true, value: '/bin/web-03' });
  assert.deepEqual(expand('%(process_num)5d|%(process_num)-5d|%(numprocs)x|%(numprocs)#X|%(numprocs)o', NAMES), { ok: true, value: '    3|3    |c|0XC|14' });
  assert.deepEqual(expand('%(program_name)r', NAMES), { ok: true, value: "'web'" });
  assert.deepEqual(expand('100%%', NAMES), { ok: true, value: '100%' });
  assert.deepEqual(expand('%(numprocs)+.2f %(numprocs)e %(numprocs)g', NAMES), { ok: true, value: '+12.00 1.200000e+01 12' });
});

test('bare %s inserts the whole dict and is detectable', () => {
  const r = expand('/bin/date +%s', NAMES);
  assert.ok(r.ok && r.value.startsWith("/bin/date +{'ENV_HOME': '/root'"));
  assert.deepEqual(bareSpecifiers('/bin/date +%s %(here)s %%s %5s').map((s) => s.text), ['%s', '%5s']);
});

test('Python error messages of §2.1', () => {
  assert.deepEqual(failure('a%'), { ok: false, kind: 'bad-format', message: 'incomplete format' });
  assert.deepEqual(failure('x-%(process_num)'), { ok: false, kind: 'bad-format', message: 'incomplete format' });
  assert.deepEqual(failure('abcd%b'), { ok: false, kind: 'bad-format', message: "unsupported format character 'b' (0x62) at index 5" });
  assert.deepEqual(failure('C="100%"'), { ok: false, kind: 'bad-format', message: `unsupported format character '"' (0x22) at index 7` });
  assert.deepEqual(failure('%d'), { ok: false, kind: 'bad-format', message: '%d format: a real number is required, not dict' });
  assert.deepEqual(failure('50% off'), { ok: false, kind: 'bad-format', message: '%o format: an integer is required, not dict' });
  assert.deepEqual(failure('ab%cd'), { ok: false, kind: 'bad-format', message: '%c requires int or char' });
  assert.deepEqual(failure('a%s%s'), { ok: false, kind: 'bad-format', message: 'not enough arguments for format string' });
  assert.deepEqual(failure('%(nope)s'), { ok: false, kind: 'unknown-name', name: 'nope', message: "'nope'" });
});

test('formatExpansionError gives supervisord sentences', () => {
  const names = ['here', 'program_name', 'ENV_B', 'ENV_A', 'process_num'];
  assert.equal(
    formatExpansionError('/bin/echo %(nope)s', 'program:a.command', failure('/bin/echo %(nope)s'), names),
    "Format string '/bin/echo %(nope)s' for 'program:a.command' contains names ('nope') which cannot be expanded. Available names: ENV_A, ENV_B, here, process_num, program_name",
  );
  assert.equal(
    formatExpansionError('my-app-worker-%(process_num)', 'process_name', failure('my-app-worker-%(process_num)'), names),
    "Format string 'my-app-worker-%(process_num)' for 'process_name' is badly formatted: incomplete format",
  );
  assert.equal(
    formatExpansionError('C="100%"', 'environment', failure('C="100%"'), names),
    `Format string 'C="100%"' for 'environment' is badly formatted: unsupported format character '"' (0x22) at index 7`,
  );
  assert.deepEqual(expandValue('ab%cd', { ENV_X: '1' }, 'unix_http_server.password'), {
    ok: false,
    message: "Format string 'ab%cd' for 'unix_http_server.password' is badly formatted: %c requires int or char",
  });
});

test('escapePercent and expansionNames', () => {
  assert.equal(escapePercent('100%', 0), '100%');
  assert.equal(escapePercent('100%', 1), '100%%');
  assert.equal(escapePercent('a%b', 2), 'a%%%%b');
  const twice = expand(escapePercent('a%b', 2), NAMES);
  assert.ok(twice.ok);
  assert.deepEqual(expand(twice.value, NAMES), { ok: true, value: 'a%b' });
  assert.deepEqual(expansionNames('%(here)s/%(ENV_X)s %%(no)s %(here)r'), ['here', 'ENV_X']);
});

test('property: expand(escapePercent(x, 1), anyNames) === x for 3000 seeded strings', () => {
  const r = rng(50);
  const pieces = ['%', '(', ')', 's', 'd', 'a', ' ', '%%', '%(here)s', 'é', '\\', '"'];
  for (let i = 0; i < 3000; i++) {
    const x = randomText(r, pieces, 8);
    const names = r() < 0.5 ? NAMES : {};
    assert.deepEqual(expand(escapePercent(x, 1), names), { ok: true, value: x }, x);
  }
});

test('expand matches Python template % dict on 800 seeded random templates', () => {
  const r = rng(51);
  const pieces = ['a', ' ', '%', '%', '%', '%%', '(program_name)', '(process_num)', '(numprocs)', '(nope)', '(', ')', '-', '+', ' ', '#', '0', '5', '12', '.', '.3', '*',
    's', 'r', 'a', 'd', 'i', 'u', 'x', 'X', 'o', 'e', 'E', 'f', 'F', 'g', 'G', 'c', 'b', 'h', 'l', 'L', '"', 'é', '\x01', '(here)', '(ENV_HOME)'];
  const templates = Array.from({ length: 800 }, () => (r() < 0.5 ? '%' + pick(r, ['(program_name)', '(process_num)', '(numprocs)', '']) : '') + randomText(r, pieces, 6));
  const py = oracle('percent', templates.map((t) => [t, NAMES]));
  const mism: unknown[] = [];
  templates.forEach((t, i) => {
    const ours = expand(t, NAMES);
    const p = py[i]!;
    const same = ours.ok
      ? p.ok && p.value === ours.value
      : !p.ok && p.message === ours.message && (p.type === 'KeyError') === (ours.kind === 'unknown-name');
    if (!same) mism.push({ t, ours, p });
  });
  assert.deepEqual(mism, []);
});
