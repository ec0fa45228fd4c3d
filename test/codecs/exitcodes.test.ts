import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exitCodesCodec } from '../../src/codecs/exitcodes.js';
import { compareWithPython } from './oracle.js';
import { rng, randomText } from '../support/random.js';

test('exitcodes accepts the reference forms', () => {
  assert.deepEqual(exitCodesCodec.parse('0'), { ok: true, value: [0] });
  assert.deepEqual(exitCodesCodec.parse('0,2'), { ok: true, value: [0, 2] });
  assert.deepEqual(exitCodesCodec.parse('0, 2'), { ok: true, value: [0, 2] });
  assert.deepEqual(exitCodesCodec.parse(''), { ok: true, value: [] });
});

test('exitcodes refuses with supervisord message', () => {
  for (const t of ['0;2', '256', '-1', '1,', 'a']) {
    assert.deepEqual(exitCodesCodec.parse(t), { ok: false, message: `not a valid list of exit codes: '${t}'` });
  }
});

test('exitcodes format refuses impossible codes', () => {
  assert.deepEqual(exitCodesCodec.format([0, 2]), { ok: true, value: '0,2' });
  assert.deepEqual(exitCodesCodec.format([]), { ok: true, value: '' });
  assert.equal(exitCodesCodec.format([-1]).ok, false);
  assert.equal(exitCodesCodec.format([256]).ok, false);
  assert.equal(exitCodesCodec.format([1.5]).ok, false);
  for (const v of [[0], [1, 2, 255], []]) {
    const f = exitCodesCodec.format(v);
    assert.ok(f.ok);
    assert.deepEqual(exitCodesCodec.parse(f.value), { ok: true, value: v });
  }
});

test('exitcodes matches supervisor.datatypes.list_of_exitcodes on 400 seeded inputs', () => {
  const r = rng(16);
  const inputs = Array.from({ length: 400 }, () => randomText(r, ['0', '1', '2', '5', '25', ',', ', ', ';', '-', ' ', '_', 'a', '٣'], 6));
  assert.deepEqual(compareWithPython('list_of_exitcodes', inputs, exitCodesCodec.parse), []);
});
