import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autorestartCodec } from '../../src/codecs/autorestart.js';
import { compareWithPython } from './oracle.js';
import { rng, pick, randomText } from '../support/random.js';

test('autorestart accepts boolean words and unexpected', () => {
  assert.deepEqual(autorestartCodec.parse('TRUE'), { ok: true, value: true });
  assert.deepEqual(autorestartCodec.parse('off'), { ok: true, value: false });
  assert.deepEqual(autorestartCodec.parse('Unexpected'), { ok: true, value: 'unexpected' });
});

test('autorestart refuses with the lowercased value', () => {
  assert.deepEqual(autorestartCodec.parse('always'), { ok: false, message: "invalid 'autorestart' value 'always'" });
  assert.deepEqual(autorestartCodec.parse('ALWAYS'), { ok: false, message: "invalid 'autorestart' value 'always'" });
});

test('autorestart format round-trips', () => {
  for (const v of [true, false, 'unexpected'] as const) {
    const f = autorestartCodec.format(v);
    assert.ok(f.ok);
    assert.deepEqual(autorestartCodec.parse(f.value), { ok: true, value: v });
  }
});

test('autorestart matches supervisor.datatypes.auto_restart on 300 seeded inputs', () => {
  const r = rng(18);
  const words = ['true', 'false', 'unexpected', 'UNEXPECTED', 'yes', '0', '1', 'always', 'never'];
  const inputs = Array.from({ length: 300 }, () => (r() < 0.5 ? pick(r, words) : randomText(r, ['u', 'n', 'E', 'x', 'p', 't', 'e', 'd', '1', ' ', "'"], 6)));
  assert.deepEqual(compareWithPython('auto_restart', inputs, autorestartCodec.parse), []);
});
