import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signalCodec, SIGNAL_NUMBERS } from '../../src/codecs/signal.js';
import { compareWithPython } from './oracle.js';
import { rng, pick, randomText } from '../support/random.js';

test('signal accepts names and numbers', () => {
  const cases: Array<[string, number, string]> = [['TERM', 15, 'TERM'], ['sigterm', 15, 'TERM'], ['SIGKILL', 9, 'KILL'], ['IOT', 6, 'ABRT'], ['CLD', 17, 'CHLD'], ['POLL', 29, 'IO'], ['RTMIN', 34, 'RTMIN'], ['WINCH', 28, 'WINCH'], ['SIG_DFL', 0, '0'], ['9', 9, 'KILL'], ['0', 0, '0'], ['64', 64, 'RTMAX'], [' hup ', 1, 'HUP']];
  for (const [t, n, name] of cases) assert.deepEqual(signalCodec.parse(t), { ok: true, value: { name, number: n } }, t);
});

test('signal refuses with supervisord messages', () => {
  assert.deepEqual(signalCodec.parse('FOO'), { ok: false, message: "value 'FOO' is not a valid signal name" });
  assert.deepEqual(signalCodec.parse('RTMIN+1'), { ok: false, message: "value 'RTMIN+1' is not a valid signal name" });
  for (const t of ['35', '63', '99', '-1']) {
    assert.deepEqual(signalCodec.parse(t), { ok: false, message: `value '${t}' is not a valid signal number` });
  }
});

test('signal format writes names and refuses numbers that do not exist', () => {
  assert.deepEqual(signalCodec.format({ name: 'TERM', number: 15 }), { ok: true, value: 'TERM' });
  assert.deepEqual(signalCodec.format({ name: '', number: 9 }), { ok: true, value: 'KILL' });
  assert.deepEqual(signalCodec.format({ name: '0', number: 0 }), { ok: true, value: '0' });
  const bad = signalCodec.format({ name: '', number: 35 });
  assert.equal(bad.ok, false);
  assert.match((bad as { message: string }).message, /35 does not exist/);
  assert.equal(signalCodec.format({ name: 'KILL', number: 15 }).ok, false);
  for (const n of SIGNAL_NUMBERS) {
    const f = signalCodec.format({ name: '', number: n });
    assert.ok(f.ok);
    const back = signalCodec.parse(f.value);
    assert.ok(back.ok && back.value.number === n);
  }
});

test('signal matches supervisor.datatypes.signal_number on 500 seeded inputs', () => {
  const r = rng(15);
  const names = ['TERM', 'KILL', 'HUP', 'IOT', 'CLD', 'RTMIN', 'RTMAX', '_DFL', '_IGN', '_BLOCK', 'FOO', 'STKFLT', 'usr1', 'USR3', 'NALS'];
  const inputs = Array.from({ length: 500 }, () => {
    const k = r();
    if (k < 0.3) return String(Math.floor(r() * 70) - 2);
    if (k < 0.7) return (r() < 0.5 ? 'SIG' : r() < 0.5 ? 'sig' : '') + pick(r, names) + (r() < 0.2 ? ' ' : '');
    return randomText(r, ['S', 'I', 'G', 'T', 'E', 'R', 'M', '1', '_', ' ', "'", '+', '٣'], 5);
  });
  assert.deepEqual(compareWithPython('signal_number', inputs, signalCodec.parse, (v) => v.number), []);
});
