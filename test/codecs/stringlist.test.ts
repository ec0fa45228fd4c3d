import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringListCodec } from '../../src/codecs/stringlist.js';
import { compareWithPython } from './oracle.js';
import { rng, randomText } from '../support/random.js';

test('stringlist splits and strips', () => {
  assert.deepEqual(stringListCodec.parse('a, b ,c'), { ok: true, value: ['a', 'b', 'c'] });
  assert.deepEqual(stringListCodec.parse('a,,b'), { ok: true, value: ['a', '', 'b'] });
  assert.deepEqual(stringListCodec.parse(''), { ok: true, value: [] });
});

test('stringlist format round-trips and refuses items it cannot carry', () => {
  for (const v of [['a', 'b'], [], ['a', '', 'b']]) {
    const f = stringListCodec.format(v);
    assert.ok(f.ok);
    assert.deepEqual(stringListCodec.parse(f.value), { ok: true, value: v });
  }
  for (const bad of [['a,b'], [' a'], [''], ['a ;b']]) assert.equal(stringListCodec.format(bad).ok, false);
});

test('stringlist matches supervisor.datatypes.list_of_strings on 300 seeded inputs', () => {
  const r = rng(21);
  const inputs = Array.from({ length: 300 }, () => randomText(r, ['a', 'b', ',', ' ', '\t', '\xa0', '\u3000'], 6));
  assert.deepEqual(compareWithPython('list_of_strings', inputs, stringListCodec.parse), []);
});
