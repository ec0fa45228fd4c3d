// The linter's quick paths must answer exactly what the slow ones they skip would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { sectionSpecFor, SECTIONS } from '../../src/catalogue/index.js';
import { shlexSplit } from '../../src/codecs/command.js';
import { argvOf, joinedArgv, programOf, runsShell, SHELLS, unquoted } from '../../src/lint/command-util.js';
import { lintFiles } from '../../src/lint/lint-files.js';
import { codePointLength } from '../../src/lint/util.js';
import { sectionSpecOf } from '../../src/lint/walk.js';

test('sectionSpecOf matches every header as sectionSpecFor does', () => {
  const names = [
    ...SECTIONS.flatMap((s) => [s.header, `${s.header}x`, `${s.header}:y`, `${s.header}x:y`, s.header.slice(0, -1), `${s.header} `, s.header.toUpperCase()]),
    'program:a:b', 'program:', 'program', 'programs:a', 'unix_http_server:x', 'unix_http_serverX', 'inet_http_server2:a:b',
    'include:x', 'supervisord:x', 'DEFAULT', '', ':', 'group', 'group:', 'fcgi-program:x', 'eventlistener:e', 'rpcinterface:supervisor',
  ];
  for (const name of names) {
    // twice: once filling the memo, once from it
    assert.equal(sectionSpecOf(name), sectionSpecFor(name)?.spec ?? null, name);
    assert.equal(sectionSpecOf(name), sectionSpecFor(name)?.spec ?? null, name);
  }
});

test('argvOf and programOf split as shlex does', () => {
  const commands = [
    '', ' ', '\t\n', 'a', ' a  b\tc\r\nd ', 'a b', 'a  b', ' a', 'a ', 'a\tb', '/usr/bin/php artisan queue:work --tries=3', "sh -c 'exec x'", 'a "b c"', 'a\\ b',
    "a 'unclosed", 'a\\', 'x#y z', `c"d" 'q'u"e"ue:work`, `"a b"c\\ d 'e\\f' "g\\"h"`, 'queue\\:work', '\u00a0a b', 'a\u2028b', 'é ü',
  ];
  for (const c of commands) {
    const r = shlexSplit(c);
    const expected = r.ok ? r.value : null;
    assert.deepEqual(argvOf(c), expected, JSON.stringify(c));
    assert.equal(programOf(c), expected?.[0], JSON.stringify(c));
    assert.equal(joinedArgv(c), (expected ?? []).join(' '), JSON.stringify(c));
    // rules look for quote-free text in unquoted(command) rather than in each word
    for (const word of expected ?? []) if (!/['"\\]/.test(word)) assert.ok(unquoted(c).includes(word), JSON.stringify([c, word]));
  }
  assert.equal(argvOf(null), null);
  assert.equal(programOf(null), undefined);
});

test('runsShell is basename(program) in SHELLS or env', () => {
  const programs = ['sh', '/bin/sh', '/bin/sh/', '/bin/sh//', 'bash', '/usr/bin/env', 'env', 'xsh', '/bin/xsh', 'sh.exe', '/', '', 'ksh93', '/opt/zsh', './dash', 'a/sh/b', 'sh/x', '//sh', 'shx/sh'];
  for (const prog of programs) {
    const name = basename(prog);
    const shell = prog !== '' && (name === 'env' || SHELLS.has(name));
    assert.equal(runsShell(`${prog} -c x`), shell, prog);
    assert.equal(runsShell(` \t${prog}\n-c x`), shell, prog);
    assert.equal(runsShell(prog), shell, prog);
    assert.equal(runsShell(`'${prog}' -c 'x'`), prog !== '' && shell, prog);
  }
});

test('codePointLength counts as [...text.slice(start, end)].length does', () => {
  for (const text of ['', 'abc', 'é', '😀', 'a😀b', '\ud83d', '\ude00', '\ude00\ud83d', '\ud83d\ud83d\ude00', 'x\ud83d\ude00\ude00']) {
    assert.equal(codePointLength(text), [...text].length, JSON.stringify(text));
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        assert.equal(codePointLength(text, start, end), [...text.slice(start, end)].length, JSON.stringify([text, start, end]));
      }
    }
  }
});

test('quoting does not hide a command from the rules that look at its text first', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gs-lint-quick-'));
  writeFileSync(
    join(dir, 'x.conf'),
    [
      '[program:builtin]', `command=c"d" /srv`,
      '[program:queue]', `command=ph'p' artisan que"ue:"work`,
      '[program:wrapper]', `command='/bin/sh' -c 'a; b'`,
      '[program:plain]', 'command=/usr/bin/php artisan queue:listen', 'stopwaitsecs=3600',
    ].join('\n') + '\n',
  );
  const found = lintFiles(['x.conf'], { cwd: dir, host: false, env: {}, hostname: 'h' }).diagnostics.map((d) => `${d.line} ${d.ruleId}`);
  assert.ok(found.includes('2 shell-syntax-in-command'), found.join('; '));
  assert.ok(found.includes('4 stopwaitsecs-short'), found.join('; '));
  assert.ok(found.includes('6 wrapper-without-stopasgroup'), found.join('; '));
  assert.ok(!found.some((f) => f.startsWith('8 ') || f.startsWith('9 ')), found.join('; '));
});
