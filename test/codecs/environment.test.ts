import { test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentCodec, environmentReport, isShlexWord } from '../../src/codecs/environment.js';
import { inlineCommentIndex } from '../../src/codecs/inisafe.js';
import { compareWithPython } from './oracle.js';
import { rng, pick, randomText } from '../support/random.js';

const ok = (text: string, pairs: Array<[string, string]>) =>
  assert.deepEqual(environmentCodec.parse(text), { ok: true, value: pairs }, text);
const refused = (text: string) =>
  assert.deepEqual(environmentCodec.parse(text), { ok: false, message: `Unexpected end of key/value pairs in value '${text}'` }, text);

test('§3.9 accepted rows', () => {
  for (const t of ['A=1,B=2', 'A=1, B=2', 'A = 1 , B = 2']) ok(t, [['A', '1'], ['B', '2']]);
  ok(`A="x,y",B='q'`, [['A', 'x,y'], ['B', 'q']]);
  ok('A=" spaced "', [['A', ' spaced ']]);
  ok('A=""', [['A', '']]);
  ok('A=1;B=2', [['A', '1'], ['B', '2']]);
  ok('A=1,', [['A', '1']]);
  ok('A=1,\n  B=2', [['A', '1'], ['B', '2']]);
  ok('A="multi\nline"', [['A', 'multi\nline']]);
  ok('A=hello world', [['A', 'hello']]);
  ok('A=x#y,B=2', [['A', 'x']]);
  ok('URL=http://h:80/p?x=1', [['URL', 'http://h:80/p'], ['x', '1']]);
  ok('A="a b"c', [['A', 'a b']]);
  ok('A=~/x', [['A', '~']]);
  ok('A=@x', [['A', '@']]);
  ok('A=日本', [['A', '日']]);
  ok('A="a\\"b"', [['A', 'a\\']]);
  ok('A="$HOME"', [['A', '$HOME']]);
  ok('"A"=1', [['"A"', '1']]);
  ok('A=1,A=2', [['A', '1'], ['A', '2']]);
});

test('§3.9 refused rows', () => {
  for (const t of ['A=1 B=2', 'A=hello world,B=2', 'A=a b c d', 'A=x,y', 'A=', 'A=,B=2', 'A=1,,B=2', 'A=x=y', 'PATH=/usr/bin:$PATH', 'A=a@b.com', 'A=x\tB=y']) refused(t);
  assert.deepEqual(environmentCodec.parse('A="unterminated'), { ok: false, message: 'No closing quotation' });
});

test('environmentReport lists what was silently lost', () => {
  const r = environmentReport('A=hello world,B=2 #c');
  assert.ok(!r.ok);
  const a = environmentReport('A=hello world');
  assert.ok(a.ok);
  assert.deepEqual(a.value.dropped.map((t) => t.text), ['world']);
  const b = environmentReport('A=x#y,B=2');
  assert.ok(b.ok);
  assert.deepEqual(b.value.comments, [{ text: '#y,B=2', offset: 3 }]);
  const c = environmentReport('A=1;B=2,C=3');
  assert.ok(c.ok);
  assert.deepEqual(c.value.dropped.map((t) => [t.text, t.offset]), [[';', 3]]);
  const d = environmentReport('"K"=1');
  assert.ok(d.ok);
  assert.deepEqual(d.value.quotedKeys.map((t) => t.text), ['"K"']);
  const e = environmentReport('A=x#c\nB,C=1');
  assert.ok(e.ok);
  assert.deepEqual(e.value.pairs, [['A', 'xB'], ['C', '1']]);
});

test('format writes KEY="value" and picks the quote', () => {
  assert.deepEqual(environmentCodec.format([['A', 'x y'], ['B', 'say "hi" now']]), { ok: true, value: `A="x y",B='say "hi" now'` });
  assert.deepEqual(environmentCodec.format([]), { ok: true, value: '' });
});

test('format refuses with reasons', () => {
  const reason = (pairs: Array<[string, string]>, re: RegExp) => {
    const r = environmentCodec.format(pairs);
    assert.equal(r.ok, false, JSON.stringify(pairs));
    assert.match((r as { message: string }).message, re);
  };
  reason([['A', `it's "x"`]], /both ' and "/);
  reason([['MY VAR', '1']], /cannot be written/);
  reason([['A$', '1']], /cannot be written/);
  reason([['', '1']], /cannot be written/);
  reason([['A', 'x\ny']], /line break/);
  reason([['A', "'q"]], /quote character/);
  reason([['A', 'x ;y']], /comment/);
  reason([['A', 'x\t#y']], /comment/);
});

test('format output reads back as the same pairs (2000 seeded random pair lists)', () => {
  const r = rng(30);
  const keyChars = ['A', 'z', '_', '0', '/', '.', '+', '-', '(', ')', ':'];
  const valPieces = ['a', ' ', ',', '=', '#', ';', '"', "'", '%', '$', 'é', '\t', '\\', '日'];
  let written = 0;
  for (let i = 0; i < 2000; i++) {
    const pairs: Array<[string, string]> = Array.from({ length: Math.floor(r() * 4) }, () => [
      randomText(r, keyChars, 4) || 'K',
      randomText(r, valPieces, 6),
    ]);
    const f = environmentCodec.format(pairs);
    if (!f.ok) continue;
    written++;
    assert.equal(inlineCommentIndex(f.value), -1);
    assert.deepEqual(environmentCodec.parse(f.value), { ok: true, value: pairs }, f.value);
  }
  assert.ok(written > 800, `only ${written} written`);
});

test('isShlexWord', () => {
  assert.ok(isShlexWord('PATH'));
  assert.ok(isShlexWord('a/b.c+d-e(f):g'));
  assert.ok(!isShlexWord('a b'));
  assert.ok(!isShlexWord('é'));
});

test('parse matches supervisor dict_of_key_value_pairs on 600 seeded inputs', () => {
  const r = rng(31);
  const pieces = ['A', 'b', '1', '=', ',', ' ', '"', "'", '#', '\n', ';', ':', '/', '@', 'é', '\t', '\\', '=1', 'K=', ',B=2', '"x y"'];
  const inputs = Array.from({ length: 600 }, () => (r() < 0.3 ? `${pick(r, ['A', 'B_1', 'P'])}=${randomText(r, pieces, 5)}` : randomText(r, pieces, 8)));
  inputs.push('A=1,B=2', 'A=x#c\nB,C=1');
  assert.deepEqual(compareWithPython('dict_of_key_value_pairs', inputs, environmentCodec.parse, (pairs) => [...new Map(pairs)]), []);
});
