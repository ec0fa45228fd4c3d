import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeIni } from '../../src/ini/merge.js';
import { readIni } from '../../src/ini/reader.js';
import { checkKey, checkSectionName, checkValue, writeIni } from '../../src/ini/writer.js';
import { randomText, rng, type Rand } from '../support/random.js';

test('writes headers, key=value lines, a blank line between sections, \\n endings', () => {
  const text = writeIni({
    header: ['generated', ''],
    sections: [
      { name: 'supervisord', entries: [{ key: 'logfile', value: '/tmp/s.log' }] },
      { name: 'program:a', comment: ['worker a'], entries: [{ key: 'command', value: '/bin/cat a;b' }, { key: 'x', value: '' }] },
    ],
  });
  assert.equal(text, '; generated\n;\n\n[supervisord]\nlogfile=/tmp/s.log\n\n; worker a\n[program:a]\ncommand=/bin/cat a;b\nx=\n');
  assert.equal(writeIni({ sections: [{ name: 's', entries: [] }] }), '[s]\n');
  assert.equal(writeIni({ sections: [] }), '');
});

test('checkValue refuses what would not read back', () => {
  assert.equal(checkValue('/bin/echo a;b'), null);
  assert.equal(checkValue(';starts'), null);
  assert.equal(checkValue('#starts'), null);
  assert.equal(checkValue('%(here)s "q" = : é'), null);
  assert.equal(checkValue(''), null);
  for (const bad of ['a\nb', 'a\rb', ' a', 'a ', 'a\t', '\u00a0a', 'a\u0085', 'a ;b', 'a #b', 'a\t#b', 'a\u001c;b', 'a; ;b #c']) {
    assert.notEqual(checkValue(bad), null, JSON.stringify(bad));
  }
  assert.match(checkValue('a ;b')!, /comment/);
});

test('checkKey and checkSectionName refuse what would not read back', () => {
  assert.equal(checkKey('command'), null);
  assert.equal(checkKey('a b'), null);
  for (const bad of ['', 'A', 'Command', 'a=b', 'a:b', '[a', ';a', '#a', ' a', 'a ', 'a\nb', 'a ;b', 'İ']) {
    assert.notEqual(checkKey(bad), null, JSON.stringify(bad));
  }
  assert.equal(checkSectionName('program:a'), null);
  assert.equal(checkSectionName(' program:g '), null);
  assert.equal(checkSectionName('a;b'), null);
  for (const bad of ['', 'a]', 'a]b', 'a\nb', 'a\r', 'DEFAULT', 'a ;b', 'a #b']) {
    assert.notEqual(checkSectionName(bad), null, JSON.stringify(bad));
  }
});

test('writeIni throws a plain Error with the reason instead of writing something lossy', () => {
  assert.throws(() => writeIni({ sections: [{ name: 's', entries: [{ key: 'command', value: 'a ;b' }] }] }), /\[s\] command: a value cannot contain `;`/);
  assert.throws(() => writeIni({ sections: [{ name: 's', entries: [{ key: 'Command', value: 'a' }] }] }), /lowercase/);
  assert.throws(() => writeIni({ sections: [{ name: 'a]', entries: [] }] }), /`]`/);
  assert.throws(() => writeIni({ sections: [{ name: 's', entries: [] }, { name: 's', entries: [] }] }), /twice/);
  assert.throws(() => writeIni({ sections: [{ name: 's', entries: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] }] }), /twice/);
  assert.throws(() => writeIni({ header: ['a\nb'], sections: [] }), /line break/);
});

const ALPHABET = [
  ...'ab=:;#%()s\'"[]\\ \t,./-_',
  '\n', '\r', 'é', 'İ', 'ß', 'Σ', '\u00a0', '\u3000', '\u2028', '\u0085', '\u001c', '\ufeff', '\u{1F600}', '\u200b',
];

const randomWord = (rand: Rand): string => randomText(rand, ALPHABET, 11);

test('round trip: checkValue refuses, or readIni(writeIni(x)) gives x back exactly', () => {
  const rand = rng(20240425);
  let accepted = 0;
  let refused = 0;
  for (let i = 0; i < 5000; i++) {
    const value = randomWord(rand);
    if (checkValue(value) !== null) {
      refused++;
      assert.throws(() => writeIni({ sections: [{ name: 's', entries: [{ key: 'k', value }] }] }));
      continue;
    }
    accepted++;
    const text = writeIni({ sections: [{ name: 's', entries: [{ key: 'k', value }, { key: 'next', value: 'x' }] }] });
    const doc = readIni(text, 'w');
    assert.deepEqual(doc.errors, []);
    const s = mergeIni([doc]).section('s')!;
    assert.equal(s.get('k')!.value, value, JSON.stringify(value));
    assert.equal(s.get('next')!.value, 'x');
  }
  assert.ok(accepted > 1000 && refused > 1000, `accepted ${accepted}, refused ${refused}`);
});

test('round trip of keys and section names', () => {
  const rand = rng(7);
  let accepted = 0;
  for (let i = 0; i < 3000; i++) {
    const key = randomWord(rand);
    const name = randomWord(rand);
    if (checkKey(key) !== null || checkSectionName(name) !== null) continue;
    accepted++;
    const config = mergeIni([readIni(writeIni({ sections: [{ name, entries: [{ key, value: 'v' }] }] }), 'w')]);
    assert.deepEqual(config.sections.map((s) => s.name), [name]);
    assert.deepEqual(config.sections[0]!.keys(), [key]);
  }
  assert.ok(accepted > 100, `accepted ${accepted}`);
});
