import { test } from 'node:test';
import assert from 'node:assert/strict';
import { booleanCodec } from '../../src/codecs/boolean.js';
import { compareWithPython } from './oracle.js';
import { rng, randomText } from '../support/random.js';

test('boolean accepts the reference words, any case', () => {
  for (const w of ['true', 'YES', 'On', '1']) assert.deepEqual(booleanCodec.parse(w), { ok: true, value: true });
  for (const w of ['false', 'No', 'OFF', '0']) assert.deepEqual(booleanCodec.parse(w), { ok: true, value: false });
});

test('boolean refuses other text with supervisord message', () => {
  assert.deepEqual(booleanCodec.parse('yes please'), { ok: false, message: "not a valid boolean value: 'yes please'" });
  for (const w of ['t', 'y', '2', '']) assert.equal(booleanCodec.parse(w).ok, false);
  assert.deepEqual(booleanCodec.parse("it's"), { ok: false, message: `not a valid boolean value: "it's"` });
});

test('boolean format round-trips', () => {
  for (const v of [true, false]) {
    const f = booleanCodec.format(v);
    assert.ok(f.ok);
    assert.deepEqual(booleanCodec.parse(f.value), { ok: true, value: v });
  }
});

test('boolean matches supervisor.datatypes.boolean on 400 seeded inputs', () => {
  const r = rng(10);
  const inputs = Array.from({ length: 400 }, () => randomText(r, ['t', 'R', 'u', 'e', 'Y', 'es', 'o', 'n', 'f', 'ALSE', '1', '0', ' ', "'", '\\', 'İ'], 4));
  inputs.push('true', 'yes', 'On', 'OFF', 'no');
  assert.deepEqual(compareWithPython('boolean', inputs, booleanCodec.parse), []);
});
