import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteSizeCodec } from '../../src/codecs/bytesize.js';
import { compareWithPython } from './oracle.js';
import { rng, randomText } from '../support/random.js';

test('bytesize accepts the reference forms', () => {
  const cases: Array<[string, number]> = [['50MB', 50 * 1024 * 1024], ['50mb', 50 * 1024 * 1024], ['50 MB', 50 * 1024 * 1024], ['0', 0], ['-1MB', -1024 * 1024], ['1024', 1024], ['10KB', 10240], ['2gb', 2 * 1024 ** 3]];
  for (const [t, v] of cases) assert.deepEqual(byteSizeCodec.parse(t), { ok: true, value: v }, t);
});

test('bytesize refuses with the lowercased remainder', () => {
  assert.deepEqual(byteSizeCodec.parse('10M'), { ok: false, message: "invalid literal for int() with base 10: '10m'" });
  assert.deepEqual(byteSizeCodec.parse('50B'), { ok: false, message: "invalid literal for int() with base 10: '50b'" });
  assert.deepEqual(byteSizeCodec.parse('1.5MB'), { ok: false, message: "invalid literal for int() with base 10: '1.5'" });
  assert.deepEqual(byteSizeCodec.parse('MB'), { ok: false, message: "invalid literal for int() with base 10: ''" });
});

test('bytesize format round-trips and uses units', () => {
  assert.deepEqual(byteSizeCodec.format(50 * 1024 * 1024), { ok: true, value: '50MB' });
  assert.deepEqual(byteSizeCodec.format(1000), { ok: true, value: '1000' });
  assert.equal(byteSizeCodec.format(0.5).ok, false);
  for (const v of [0, 1, 1024, 3 * 1024 ** 3, -2048, 123456789]) {
    const f = byteSizeCodec.format(v);
    assert.ok(f.ok);
    assert.deepEqual(byteSizeCodec.parse(f.value), { ok: true, value: v });
  }
});

test('bytesize matches supervisor.datatypes.byte_size on 400 seeded inputs', () => {
  const r = rng(13);
  const inputs = Array.from({ length: 400 }, () => randomText(r, ['1', '0', '5', '_', '-', ' ', 'k', 'K', 'm', 'M', 'g', 'b', 'B', '.', '٣'], 5));
  assert.deepEqual(compareWithPython('byte_size', inputs, byteSizeCodec.parse), []);
});
