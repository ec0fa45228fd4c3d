import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pyCompare, pyInt, pyOrderBy, pyRepr, pyStrip, decimalValue } from '../../src/codecs/python.js';
import { oracle } from './oracle.js';
import { rng, randomText } from '../support/random.js';

const PIECES = ['a', "'", '"', '\\', ' ', '\t', '\n', '\r', '\x00', '\x7f', '\x85', '\xa0', 'é', '日', '\u2028', '\u200b', '\ud83d\ude00', '\ue000', '%', '1', '\x1c', '\u3000'];

test('pyRepr matches Python repr() on examples', () => {
  assert.equal(pyRepr('abc'), "'abc'");
  assert.equal(pyRepr("it's"), `"it's"`);
  assert.equal(pyRepr(`it's "x"`), `'it\\'s "x"'`);
  assert.equal(pyRepr('a\\b'), "'a\\\\b'");
  assert.equal(pyRepr('\t\n\x01é'), "'\\t\\n\\x01é'");
  assert.equal(pyRepr('é', true), "'\\xe9'");
});

test('pyRepr matches Python repr() on 500 seeded random strings', () => {
  const r = rng(1);
  const inputs = Array.from({ length: 500 }, () => randomText(r, PIECES, 8));
  const py = oracle('repr', inputs);
  inputs.forEach((s, i) => assert.deepEqual({ s, v: pyRepr(s) }, { s, v: (py[i] as { value: string }).value }));
});

test('pyStrip matches str.strip()', () => {
  const r = rng(2);
  const inputs = Array.from({ length: 300 }, () => randomText(r, PIECES, 6));
  const py = oracle('strip', inputs);
  inputs.forEach((s, i) => assert.equal(pyStrip(s), (py[i] as { value: string }).value, JSON.stringify(s)));
});

test('pyInt matches int(s) and int(s, 8) on 600 seeded random inputs', () => {
  const r = rng(3);
  const pieces = ['0', '1', '7', '8', '9', '_', '__', '-', '+', ' ', '\t', '\x0b', '\x1c', '\xa0', '\u3000', '１', '٣', '𝟏', 'o', 'O', 'x', 'a', '.', 'e'];
  const inputs = Array.from({ length: 600 }, () => randomText(r, pieces, 6));
  inputs.push('1'.repeat(4301), 'a'.repeat(300));
  for (const [fn, base] of [['integer', 10], ['int8', 8]] as const) {
    const py = oracle(fn, inputs);
    inputs.forEach((s, i) => {
      const ours = pyInt(s, base);
      const p = py[i]!;
      if (p.ok) assert.deepEqual({ s, v: ours.ok ? Number(ours.value) : ours.message }, { s, v: p.value });
      else assert.deepEqual({ s, v: ours.ok ? 'accepted' : ours.message }, { s, v: p.message });
    });
  }
});

test('decimalValue knows Unicode digits', () => {
  assert.equal(decimalValue('٣'), 3);
  assert.equal(decimalValue('𝟗'), 9);
  assert.equal(decimalValue('x'), -1);
});

test('pyCompare sorts by code point, uppercase before lowercase', () => {
  assert.deepEqual(['here', 'ENV_B', 'ENV_A', '\ud83d\ude00', '\uffff'].sort(pyCompare), ['ENV_A', 'ENV_B', 'here', '\uffff', '\ud83d\ude00']);
});

test('pyCompare orders like code points on random strings with astral and high BMP characters', () => {
  const alphabet = ['a', 'b', 'Z', '\u00e9', '\ue000', '\uffff', '\ud83d\ude00', '\ud800\udc00', '\udbff\udfff', '\ud83d', '\ude00'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = () => Array.from({ length: Math.floor(next() * 5) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  const byCodePoints = (a: string, b: string) => {
    const x = Array.from(a, (c) => c.codePointAt(0)!);
    const y = Array.from(b, (c) => c.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
  for (let i = 0; i < 3000; i++) {
    const a = word();
    const b = word();
    assert.equal(Math.sign(pyCompare(a, b)), Math.sign(byCodePoints(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
});

test('pyOrderBy sorts as pyCompare does, with and without surrogates in the keys', () => {
  for (const names of [['app10', 'app2', 'App1', 'app1', 'b', ''], ['x\ud83d\ude00', 'x\uffff', 'x', 'xa']]) {
    const items = names.map((name) => ({ name }));
    const want = [...names].sort(pyCompare);
    assert.deepEqual([...items].sort(pyOrderBy(items, (i) => i.name)).map((i) => i.name), want);
  }
});
