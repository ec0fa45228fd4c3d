import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logFileCodec } from '../../src/codecs/logfile.js';
import { compareWithPython } from './oracle.js';
import { rng, pick } from '../support/random.js';

test('logfile special words, any case', () => {
  assert.deepEqual(logFileCodec.parse('NONE'), { ok: true, value: { kind: 'none' } });
  assert.deepEqual(logFileCodec.parse('off'), { ok: true, value: { kind: 'none' } });
  assert.deepEqual(logFileCodec.parse(''), { ok: true, value: { kind: 'none' } });
  assert.deepEqual(logFileCodec.parse('Auto'), { ok: true, value: { kind: 'auto' } });
  assert.deepEqual(logFileCodec.parse('syslog'), { ok: true, value: { kind: 'syslog' } });
  assert.deepEqual(logFileCodec.parse('/var/log/x.log'), { ok: true, value: { kind: 'path', path: '/var/log/x.log' } });
});

test('logfile format round-trips and refuses paths that read as words', () => {
  for (const v of [{ kind: 'none' }, { kind: 'auto' }, { kind: 'syslog' }, { kind: 'path', path: '/tmp/a.log' }] as const) {
    const f = logFileCodec.format(v);
    assert.ok(f.ok);
    assert.deepEqual(logFileCodec.parse(f.value), { ok: true, value: v });
  }
  assert.equal(logFileCodec.format({ kind: 'path', path: 'auto' }).ok, false);
  assert.equal(logFileCodec.format({ kind: 'path', path: '/tmp/a ;b' }).ok, false);
  assert.equal(logFileCodec.format({ kind: 'path', path: '/tmp/a\nb' }).ok, false);
});

test('logfile matches supervisor.datatypes.logfile_name (paths in existing folders)', () => {
  const r = rng(19);
  const words = ['NONE', 'none', 'Off', 'auto', 'AUTO', 'SysLog', 'x.log', '/tmp/x.log', '', 'nonex', 'autos'];
  const inputs = Array.from({ length: 200 }, () => pick(r, words));
  const toPy = (v: ReturnType<typeof logFileCodec.parse> extends infer R ? (R extends { ok: true; value: infer V } ? V : never) : never) =>
    v.kind === 'none' ? null : v.kind === 'path' ? v.path : v;
  const mism = compareWithPython('logfile_name', inputs, logFileCodec.parse, toPy);
  // supervisord returns '' (no log) for '' where we say none: the same meaning
  assert.deepEqual(mism.filter((m) => m.input !== ''), []);
});
