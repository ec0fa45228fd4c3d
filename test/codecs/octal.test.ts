import { test } from 'node:test';
import assert from 'node:assert/strict';
import { octalCodec } from '../../src/codecs/octal.js';
import { compareWithPython } from './oracle.js';
import { rng, randomText } from '../support/random.js';

test('octal accepts int(s, 8) forms', () => {
  const cases: Array<[string, number]> = [['022', 0o22], ['22', 0o22], ['0022', 0o22], ['0o22', 0o22], ['777', 0o777], [' 022 ', 0o22]];
  for (const [t, v] of cases) assert.deepEqual(octalCodec.parse(t), { ok: true, value: v }, t);
});

test('octal refuses with supervisord message', () => {
  assert.deepEqual(octalCodec.parse('8'), { ok: false, message: '8 can not be converted to an octal type' });
  assert.deepEqual(octalCodec.parse('0x1f'), { ok: false, message: '0x1f can not be converted to an octal type' });
  assert.deepEqual(octalCodec.parse(''), { ok: false, message: ' can not be converted to an octal type' });
});

test('octal format round-trips', () => {
  assert.deepEqual(octalCodec.format(0o22), { ok: true, value: '022' });
  assert.deepEqual(octalCodec.format(0), { ok: true, value: '0' });
  assert.equal(octalCodec.format(1.5).ok, false);
  for (const v of [0, 7, 0o777, 0o22, -0o17]) {
    const f = octalCodec.format(v);
    assert.ok(f.ok);
    assert.deepEqual(octalCodec.parse(f.value), { ok: true, value: v });
  }
});

test('octal matches supervisor.datatypes.octal_type on 400 seeded inputs', () => {
  const r = rng(14);
  const inputs = Array.from({ length: 400 }, () => randomText(r, ['0', '7', '8', '2', 'o', 'O', '_', '-', ' ', 'x', '٣'], 5));
  assert.deepEqual(compareWithPython('octal_type', inputs, octalCodec.parse), []);
});
