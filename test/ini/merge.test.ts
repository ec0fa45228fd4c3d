import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeIni } from '../../src/ini/merge.js';
import { readIni } from '../../src/ini/reader.js';

test('[DEFAULT] is not a section; its keys are inherited and marked fromDefault', () => {
  const config = mergeIni([readIni('[DEFAULT]\nautostart=false\nx=d\n[program:a]\nx=own\ncommand=cat\n', 'm.conf')]);
  assert.deepEqual(config.sections.map((s) => s.name), ['program:a']);
  assert.equal(config.section('DEFAULT'), undefined);
  const a = config.section('program:a')!;
  assert.deepEqual(a.keys(), ['x', 'command', 'autostart']);
  assert.deepEqual(a.ownKeys(), ['x', 'command']);
  assert.equal(a.get('autostart')!.value, 'false');
  assert.equal(a.get('autostart')!.fromDefault, true);
  assert.equal(a.get('AUTOSTART')!.value, 'false');
  assert.equal(a.get('x')!.value, 'own');
  assert.equal(a.get('x')!.fromDefault, false);
  assert.equal(a.has('nope'), false);
  assert.deepEqual(a.entries().map((e) => [e.key, e.section]), [['x', 'program:a'], ['command', 'program:a'], ['autostart', 'DEFAULT']]);
  assert.deepEqual(config.defaults.keys(), ['autostart', 'x']);
  assert.deepEqual(config.defaults.pos, { line: 1, column: 1 });
  assert.equal(config.defaults.occurrences.length, 1);
});

test('files merge in order: sections by exact name, first position kept, later keys win', () => {
  const main = readIni('[supervisord]\nlogfile=a\n[program:x]\ncommand=1\n', '/etc/main.conf');
  const inc = readIni('[program:y]\ncommand=y\n[program:x]\ncommand=2\nautostart=false\n[Program:x]\nq=1\n', '/etc/inc.conf');
  const config = mergeIni([main, inc]);
  assert.deepEqual(config.sections.map((s) => [s.name, s.file]), [
    ['supervisord', '/etc/main.conf'],
    ['program:x', '/etc/main.conf'],
    ['program:y', '/etc/inc.conf'],
    ['Program:x', '/etc/inc.conf'],
  ]);
  const x = config.section('program:x')!;
  assert.deepEqual(x.pos, { line: 3, column: 1 });
  assert.deepEqual(x.occurrences.map((o) => [o.file, o.pos.line]), [['/etc/main.conf', 3], ['/etc/inc.conf', 3]]);
  assert.equal(x.get('command')!.value, '2');
  assert.equal(x.get('command')!.file, '/etc/inc.conf');
  assert.deepEqual(x.occurrencesOf('command').map((e) => e.file), ['/etc/main.conf', '/etc/inc.conf']);
  assert.deepEqual(config.documents, [main, inc]);
});

test('hereDirs: textual %(here)s replacement per file, DEFAULT values copied into sections', () => {
  const main = readIni('[DEFAULT]\nlog=%(here)s/d\n[include]\nfiles=x\n[program:a]\ncommand=%(here)s/a %(here)s\n', '/m/main.conf');
  const inc = readIni('[program:b]\ncommand=%(here)s/b\n[program:a]\ndirectory=%(here)s\n', '/m/inc/b.conf');
  const config = mergeIni([main, inc], { hereDirs: ['/m', '/m/inc'] });
  const a = config.section('program:a')!;
  assert.equal(a.get('command')!.value, '/m/a /m');
  assert.equal(a.get('command')!.readValue, '%(here)s/a %(here)s');
  assert.equal(a.get('command')!.hereDir, '/m');
  assert.equal(a.get('directory')!.value, '/m/inc');
  // the DEFAULT value became an own key of every section, expanded with the dir current then
  assert.deepEqual(a.ownKeys(), ['command', 'log', 'directory']);
  assert.equal(a.get('log')!.value, '/m/d');
  assert.equal(a.get('log')!.fromDefault, true);
  assert.equal(config.section('include')!.get('log')!.value, '/m/d');
  assert.equal(config.section('program:b')!.get('log')!.value, '/m/inc/d');
  assert.equal(config.defaults.get('log')!.value, '%(here)s/d');
  // the documents are not changed
  assert.equal(main.entries[2]!.value, '%(here)s/a %(here)s');
  // without hereDirs nothing is replaced
  assert.equal(mergeIni([main, inc]).section('program:a')!.get('command')!.value, '%(here)s/a %(here)s');
});

test('a document that stopped at a missing header adds nothing', () => {
  const config = mergeIni([readIni('[a]\nx=1\n', 'm'), readIni('x=2\n[a]\nx=3\n', 'i')]);
  assert.equal(config.section('a')!.get('x')!.value, '1');
});

test('large and small sections answer alike: last occurrence wins, keys in first-seen order', () => {
  const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
  const big = keys.map((k) => `${k}=1\n`).join('');
  for (const body of [big, 'k0=1\nk1=1\n']) {
    const doc = readIni(`[DEFAULT]\nd=x\n[s]\n${body}[t]\nx=1\n[s]\nK1=2\nk0=3\nnew=4\n`, 'f');
    const s = mergeIni([doc]).section('s')!;
    const own = [...body.matchAll(/^(k\d+)=/gm)].map((m) => m[1]!).concat('new');
    assert.deepEqual(s.ownKeys(), own);
    assert.deepEqual(s.keys(), [...own, 'd']);
    assert.equal(s.get('k1')!.value, '2');
    assert.equal(s.get('K0')!.value, '3');
    assert.equal(s.get('d')!.value, 'x');
    assert.equal(s.has('x'), false);
    assert.deepEqual(s.occurrencesOf('k1').map((e) => [e.rawKey, e.value]), [['k1', '1'], ['K1', '2']]);
    assert.deepEqual(s.entries().map((e) => e.value).slice(0, 2), ['3', '2']);
  }
});

test('hereDirs copies keep the positions and value lines of the entry they replace', () => {
  const doc = readIni('[program:a]\ncommand = %(here)s/run\n\n', '/m/main.conf');
  const copy = mergeIni([doc], { hereDirs: ['/m'] }).section('program:a')!.get('command')!;
  const read = doc.entries[0]!;
  assert.notEqual(copy, read);
  assert.equal(copy.value, '/m/run');
  assert.equal(copy.readValue, '%(here)s/run');
  assert.equal(read.value, '%(here)s/run');
  assert.deepEqual([copy.keyPos, copy.delimiterPos, copy.valuePos], [read.keyPos, read.delimiterPos, read.valuePos]);
  assert.deepEqual(copy.lines, read.lines);
  assert.deepEqual([copy.file, copy.section, copy.rawKey, copy.delimiter, copy.endLine], ['/m/main.conf', 'program:a', 'command', '=', 2]);
});

test('keySet() holds what keys() lists, [DEFAULT] and repeated keys included', () => {
  const doc = readIni('[DEFAULT]\nd=1\nshared=0\n[a]\nx=1\nX=2\nshared=3\n[a]\ny=%(here)s\n[b]\n', '/etc/x.conf');
  for (const options of [{}, { hereDirs: ['/etc'] }]) {
    const ini = mergeIni([doc], options);
    for (const name of ['a', 'b']) assert.deepEqual([...ini.section(name)!.keySet()].sort(), ini.section(name)!.keys().sort(), name);
  }
});
