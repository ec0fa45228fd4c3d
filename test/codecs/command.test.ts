import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandCodec, commandParseError, quoteWord, shlexSplit } from '../../src/codecs/command.js';
import { PY_WHITESPACE } from '../../src/codecs/python.js';
import { compareWithPython, oracle } from './oracle.js';
import { rng, pick, randomText } from '../support/random.js';

/**
 * §1.3, written here on its own: the raw value is cut at the first `;`/`#` that is at index 0
 * or just after a `str.isspace()` character (the CPython round quirk only changes *where* the
 * cut is, never *whether* there is one, so presence is what the format must avoid).
 */
function iniInlineCommentTriggered(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    if ((value[i] === ';' || value[i] === '#') && (i === 0 || PY_WHITESPACE.includes(value[i - 1]!))) return true;
  }
  return false;
}

test('parse = shlex.split', () => {
  assert.deepEqual(commandCodec.parse('/bin/echo "a b" c'), { ok: true, value: ['/bin/echo', 'a b', 'c'] });
  assert.deepEqual(commandCodec.parse("/bin/echo 'it''s' \\$x #no"), { ok: true, value: ['/bin/echo', 'its', '$x', '#no'] });
  assert.deepEqual(commandCodec.parse('a ""'), { ok: true, value: ['a', ''] });
  assert.deepEqual(commandCodec.parse('a "x\\"y\\z"'), { ok: true, value: ['a', 'x"y\\z'] });
});

test('parse errors', () => {
  assert.deepEqual(commandCodec.parse('/bin/echo "unterminated'), { ok: false, message: 'No closing quotation' });
  assert.deepEqual(commandCodec.parse('/bin/echo \\'), { ok: false, message: 'No escaped character' });
  assert.deepEqual(commandCodec.parse(''), { ok: false, message: 'command is empty' });
  assert.deepEqual(commandCodec.parse('  \t '), { ok: false, message: 'command is empty' });
  assert.equal(commandParseError('/bin/echo "x', 'No closing quotation'), `can't parse command '/bin/echo "x': No closing quotation`);
});

test('format keeps plain words and quotes the rest', () => {
  assert.deepEqual(commandCodec.format(['/bin/echo', 'hello', 'a;b', 'x#y']), { ok: true, value: '/bin/echo hello a;b x#y' });
  assert.deepEqual(commandCodec.format(['echo', '']), { ok: true, value: "echo ''" });
  assert.deepEqual(commandCodec.format(['echo', 'a b']), { ok: true, value: "echo 'a b'" });
  assert.deepEqual(commandCodec.format(['echo', "it's"]), { ok: true, value: "echo 'it'\\''s'" });
  assert.deepEqual(commandCodec.format(['echo', 'a ;b']), { ok: true, value: "echo 'a '';b'" });
  assert.deepEqual(commandCodec.format(['echo', ';x', '#y']), { ok: true, value: "echo ';x' '#y'" });
  assert.equal(quoteWord("'"), "\\'");
});

test('format refuses what one INI line cannot carry', () => {
  assert.equal(commandCodec.format(['echo', 'a\nb']).ok, false);
  assert.equal(commandCodec.format(['echo', 'a\rb']).ok, false);
  assert.deepEqual(commandCodec.format([]), { ok: false, message: 'command is empty' });
});

test('format property: 5000 seeded random argv survive the INI inline rule and shlex.split', () => {
  const r = rng(40);
  const pieces = ['a', 'Z', '/', '-', ' ', '  ', '\t', ';', '#', "'", '"', '\\', '$', '%', '\xa0', '\x0b', '\x0c', '\x1c', '\u3000', '\u2028', 'é', '日', '*', '~', '=', ''];
  const argvs: string[][] = [];
  const outputs: string[] = [];
  for (let i = 0; i < 5000; i++) {
    const argv = Array.from({ length: 1 + Math.floor(r() * 4) }, () => randomText(r, pieces, 6));
    const f = commandCodec.format(argv);
    assert.ok(f.ok, JSON.stringify(argv));
    assert.equal(iniInlineCommentTriggered(f.value), false, f.value);
    assert.equal(f.value, f.value.trim(), 'no whitespace the INI reader would strip');
    assert.equal(/[\r\n]/.test(f.value), false);
    assert.deepEqual(shlexSplit(f.value), { ok: true, value: argv }, f.value);
    argvs.push(argv);
    outputs.push(f.value);
  }
  // and Python's own shlex.split agrees on a sample
  const sample = outputs.slice(0, 800);
  const py = oracle('shlex_split', sample);
  sample.forEach((o, i) => assert.deepEqual(py[i], { ok: true, value: argvs[i] }, o));
});

test('parse matches Python shlex.split on 800 seeded inputs', () => {
  const r = rng(41);
  const pieces = ['a', ' ', '\t', '\n', '"', "'", '\\', '#', ';', 'é', 'ß', '\xa0', '$', 'x y', '\\"', "\\'", '""', "''"];
  const inputs = Array.from({ length: 800 }, () => randomText(r, pieces, 7));
  inputs.push(pick(r, ['a']));
  assert.deepEqual(compareWithPython('shlex_split', inputs, shlexSplit), []);
});
