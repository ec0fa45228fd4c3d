import { test } from 'node:test';
import assert from 'node:assert/strict';
import { integerCodec } from '../../src/codecs/integer.js';
import { compareWithPython } from './oracle.js';
import { rng, randomText } from '../support/random.js';

test('integer accepts Python int() forms', () => {
  const cases: Array<[string, number]> = [['5', 5], [' 7 ', 7], ['1_000', 1000], ['１２', 12], ['-3', -3], ['+4', 4], ['007', 7]];
  for (const [t, v] of cases) assert.deepEqual(integerCodec.parse(t), { ok: true, value: v }, t);
});

test('integer refuses with int() message', () => {
  assert.deepEqual(integerCodec.parse('abc'), { ok: false, message: "invalid literal for int() with base 10: 'abc'" });
  for (const t of ['0x10', '1.5', '', '1__0', '_1']) {
    assert.deepEqual(integerCodec.parse(t), { ok: false, message: `invalid literal for int() with base 10: '${t}'` });
  }
});

test('integer format writes whole numbers and refuses others', () => {
  assert.deepEqual(integerCodec.format(-12), { ok: true, value: '-12' });
  assert.equal(integerCodec.format(1.5).ok, false);
  assert.equal(integerCodec.format(Number.NaN).ok, false);
  const r = rng(11);
  for (let i = 0; i < 200; i++) {
    const v = Math.floor((r() - 0.5) * 1e12);
    const f = integerCodec.format(v);
    assert.ok(f.ok);
    assert.deepEqual(integerCodec.parse(f.value), { ok: true, value: v });
  }
});

test('integer matches supervisor.datatypes.integer on 400 seeded inputs', () => {
  const r = rng(12);
  const inputs = Array.from({ length: 400 }, () => randomText(r, ['0', '1', '9', '_', '-', '+', ' ', '\t', '\xa0', '١', 'a', '.', 'x'], 6));
  assert.deepEqual(compareWithPython('integer', inputs, integerCodec.parse), []);
});
