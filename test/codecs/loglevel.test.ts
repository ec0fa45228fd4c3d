import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_LEVELS, logLevelCodec } from '../../src/codecs/loglevel.js';
import { compareWithPython } from './oracle.js';
import { rng, pick, randomText } from '../support/random.js';

const NUMBERS: Record<string, number> = { critical: 50, error: 40, warn: 30, info: 20, debug: 10, trace: 5, blather: 3 };

test('loglevel accepts the seven names in any case', () => {
  for (const l of LOG_LEVELS) assert.deepEqual(logLevelCodec.parse(l.toUpperCase()), { ok: true, value: l });
});

test('loglevel refuses warning, crit, err', () => {
  assert.deepEqual(logLevelCodec.parse('warning'), { ok: false, message: "bad logging level name 'warning'" });
  assert.deepEqual(logLevelCodec.parse('crit'), { ok: false, message: "bad logging level name 'crit'" });
  assert.deepEqual(logLevelCodec.parse('err'), { ok: false, message: "bad logging level name 'err'" });
  assert.deepEqual(logLevelCodec.parse('__doc__'), { ok: false, message: "bad logging level name '__doc__'" });
});

test('loglevel keeps supervisord quirk: class attribute names are accepted', () => {
  assert.deepEqual(logLevelCodec.parse('__MODULE__'), { ok: true, value: '__module__' });
  assert.equal(logLevelCodec.format('__module__').ok, false);
});

test('loglevel format round-trips', () => {
  for (const l of LOG_LEVELS) assert.deepEqual(logLevelCodec.format(l), { ok: true, value: l });
});

test('loglevel matches supervisor.datatypes.logging_level on 300 seeded inputs', () => {
  const r = rng(17);
  const words = [...LOG_LEVELS, 'warning', 'crit', '__class__', '__doc__', '__init__', '__weakref__', 'INFO', 'Debug'];
  const inputs = Array.from({ length: 300 }, () => (r() < 0.6 ? pick(r, words) : randomText(r, ['i', 'n', 'f', 'o', 'E', '_', ' ', "'"], 5)));
  const mism = compareWithPython('logging_level', inputs, logLevelCodec.parse, (v) => NUMBERS[v] ?? 'non-numeric');
  // Python returns a non-JSON object for the dunder attributes: compare accept/refuse only there
  const real = mism.filter((m) => !(m.python.ok && typeof (m.ours as { value?: string }).value === 'string' && (m.ours as { value: string }).value.startsWith('__')));
  assert.deepEqual(real, []);
});
