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
