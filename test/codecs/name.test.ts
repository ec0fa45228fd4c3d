import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameCodec } from '../../src/codecs/name.js';
import { compareWithPython } from './oracle.js';
import { rng, randomText } from '../support/random.js';

test('name accepts and strips', () => {
  for (const [t, v] of [[' web ', 'web'], ['a%b', 'a%b'], ['a,b', 'a,b'], ['a\tb', 'a\tb'], ['', '']]) {
    assert.deepEqual(nameCodec.parse(t!), { ok: true, value: v });
  }
});

test('name refuses space, colon, slash', () => {
  assert.deepEqual(nameCodec.parse('a b'), { ok: false, message: "Invalid name: 'a b' because of character: ' '" });
  assert.deepEqual(nameCodec.parse('a:b'), { ok: false, message: "Invalid name: 'a:b' because of character: ':'" });
  assert.deepEqual(nameCodec.parse('a/b'), { ok: false, message: "Invalid name: 'a/b' because of character: '/'" });
});

test('name format refuses what supervisord would change or refuse', () => {
  assert.deepEqual(nameCodec.format('web-1'), { ok: true, value: 'web-1' });
  for (const bad of ['a b', 'a:b', 'a/b', '\tx', 'x\n', 'a\t;b']) assert.equal(nameCodec.format(bad).ok, false, bad);
});

test('name matches supervisor.datatypes.process_or_group_name on 400 seeded inputs', () => {
  const r = rng(20);
  const inputs = Array.from({ length: 400 }, () => randomText(r, ['a', 'B', ' ', ':', '/', '\t', '\xa0', "'", '"', '\\', '%', 'é'], 5));
  assert.deepEqual(compareWithPython('process_or_group_name', inputs, nameCodec.parse), []);
});
