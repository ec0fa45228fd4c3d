import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeIni } from '../../src/ini/merge.js';
import { iniErrorText, readIni } from '../../src/ini/reader.js';
import { inlineCommentStart } from '../../src/ini/comment.js';

/** section name -> key -> value, as configparser's sections()/options()/get() give them. */
function valuesOf(text: string): Record<string, Record<string, string>> {
  const config = mergeIni([readIni(text, 'test.conf')]);
  const out: Record<string, Record<string, string>> = {};
  for (const s of config.sections) {
    const keys: Record<string, string> = {};
    for (const k of s.keys()) keys[k] = s.get(k)!.value;
    out[s.name] = keys;
  }
  return out;
}

function valueOf(line: string): string | undefined {
  return valuesOf(`[s]\n${line}\n`)['s']!['command'];
}

test('§1.3 inline comment table', () => {
  assert.equal(valueOf('command=/bin/echo a;b'), '/bin/echo a;b');
  assert.equal(valueOf('command=/bin/echo a ;b'), '/bin/echo a');
  assert.equal(valueOf('command=/bin/echo a\t;b'), '/bin/echo a');
  assert.equal(valueOf('command=/bin/echo a#b #c'), '/bin/echo a#b');
  assert.equal(valueOf('command=/bin/echo "x ; y"'), '/bin/echo "x');
  assert.equal(valueOf('command=/bin/echo a; ;b #c'), '/bin/echo a; ;b');
});

test('inline comments: the CPython round quirk and Python whitespace', () => {
  // 2nd `;` qualifies at 16, but round 1 already finds the 1st `#` qualifying at 19
  assert.equal(inlineCommentStart('command=echo a; ;b #c'), 19);
  // round 1: `;` at 14 does not qualify, `#` at 16 does
  assert.equal(inlineCommentStart('command=echo a; #x ;y'), 16);
  assert.equal(inlineCommentStart('a;b#c'), -1);
  assert.equal(inlineCommentStart(';x'), 0);
  // U+001C and U+0085 are whitespace for Python, U+FEFF is not
  assert.equal(valueOf('command=a\u001c;b'), 'a');
  assert.equal(valueOf('command=a\u0085#b'), 'a');
  assert.equal(valueOf('command=a\ufeff;b'), 'a\ufeff;b');
  assert.equal(valueOf('command=\u00a0x\u00a0'), 'x');
});

test('the inline comment that cut text is recorded with its position', () => {
  const doc = readIni('[s]\ncommand=/bin/echo a ;b c\n; full\n  # indented full\n', 'f');
  assert.deepEqual(doc.comments, [
    { line: 2, column: 21, text: ';b c', kind: 'inline' },
    { line: 3, column: 1, text: '; full', kind: 'full' },
    { line: 4, column: 3, text: '# indented full', kind: 'full' },
  ]);
});

test('section headers: greedy to the last ], junk ignored, no stripping', () => {
  assert.deepEqual(Object.keys(valuesOf('[program:a] junk\nx=1\n')), ['program:a']);
  assert.deepEqual(Object.keys(valuesOf('[program:i]]\nx=1\n')), ['program:i]']);
  assert.deepEqual(Object.keys(valuesOf('[program:a];c\nx=1\n')), ['program:a']);
  assert.deepEqual(Object.keys(valuesOf('[ program:g ]\nx=1\n')), [' program:g ']);
  assert.deepEqual(Object.keys(valuesOf('[x]=y\n')), ['x']);
  assert.deepEqual(Object.keys(valuesOf('[]]\n')), [']']);
  const doc = readIni('[a]\n  [program:a] junk ; c\n', 'f');
  const block = doc.sections[1]!;
  assert.equal(block.name, 'program:a');
  assert.deepEqual(block.pos, { line: 2, column: 3 });
  assert.deepEqual(block.closePos, { line: 2, column: 13 });
  assert.deepEqual(block.junk, { pos: { line: 2, column: 15 }, text: 'junk' });
});

test('unclosed header is an option of the previous section; http://x is an option', () => {
  const v = valuesOf('[program:a]\ncommand=x\n[program:b\nautostart=false\nhttp://x\n');
  assert.deepEqual(v, { 'program:a': { command: 'x', '[program': 'b', autostart: 'false', http: '//x' } });
  // `[]` is not a header either: `[]` has no delimiter
  const doc = readIni('[a]\n[]\n', 'f');
  assert.equal(doc.errors[0]!.kind, 'no-delimiter');
});

test('continuation lines, swallowed keys and headers', () => {
  const text = '[program:a]\ncommand=/bin/echo one\n  two\n\tthree\n  autostart=false\n  [program:b]\nx=1\n';
  const doc = readIni(text, 'f');
  const cmd = doc.entries[0]!;
  assert.equal(cmd.value, '/bin/echo one\ntwo\nthree\nautostart=false\n[program:b]');
  assert.deepEqual(
    cmd.lines.map((l) => [l.line, l.column, l.text, l.continuation, l.looksLike]),
    [
      [2, 9, '/bin/echo one', false, undefined],
      [3, 3, 'two', true, undefined],
      [4, 2, 'three', true, undefined],
      [5, 3, 'autostart=false', true, 'key'],
      [6, 3, '[program:b]', true, 'header'],
    ],
  );
  assert.deepEqual(doc.swallowed.map((s) => [s.line, s.looksLike, s.entry.key]), [[5, 'key', 'command'], [6, 'header', 'command']]);
  assert.equal(cmd.endLine, 6);
  assert.deepEqual(valuesOf(text), { 'program:a': { command: cmd.value, x: '1' } });
});

test('first key indented: later keys at the same or lower indent are keys, deeper ones continue', () => {
  const v = valuesOf('[s]\n  command=a\n  autostart=false\n    more\nb=1\n   c=2\n');
  assert.deepEqual(v, { s: { command: 'a', autostart: 'false\nmore', b: '1\nc=2' } });
});

test('blank lines inside values are kept, trailing ones vanish; comments never end a value', () => {
  const v = valuesOf('[s]\na=1\n\n  2\n   \n ; comment\n# comment\n  3\n\n\nb=x\n');
  assert.deepEqual(v, { s: { a: '1\n\n2\n\n3', b: 'x' } });
  const doc = readIni('[s]\na=1\n\n  2\n\n', 'f');
  assert.deepEqual(doc.entries[0]!.lines.map((l) => l.text), ['1', '', '2', '']);
  assert.equal(doc.entries[0]!.endLine, 4);
});

test('empty first line of a value keeps the leading newline', () => {
  assert.deepEqual(valuesOf('[s]\ncommand=\n  /bin/cat\n'), { s: { command: '\n/bin/cat' } });
});

test('keys: lowercased, right-stripped, first = or : splits, empty value, key : value', () => {
  const v = valuesOf('[s]\nCOMMAND = a=b:c\nAutoStart:true\nurl : http://x:1\nempty=\nspaced key  =  v  \n');
  assert.deepEqual(v, { s: { command: 'a=b:c', autostart: 'true', url: 'http://x:1', empty: '', 'spaced key': 'v' } });
  const doc = readIni('[s]\n  Key : value ;c\nempty=\n', 'f');
  const e = doc.entries[0]!;
  assert.equal(e.rawKey, 'Key');
  assert.equal(e.key, 'key');
  assert.equal(e.delimiter, ':');
  assert.deepEqual(e.keyPos, { line: 2, column: 3 });
  assert.deepEqual(e.delimiterPos, { line: 2, column: 7 });
  assert.deepEqual(e.valuePos, { line: 2, column: 9 });
  assert.deepEqual(doc.entries[1]!.valuePos, { line: 3, column: 7 });
});

test('positions, delimiter and value lines of option lines, spaced or not', () => {
  const doc = readIni('[s]\nkey=value\nKey : v2\nk3 =\tv3 ;c\nk4=\nk5 = \nk6=a\n\n\n[t]\n', 'f');
  const got = doc.entries.map((e) => [e.key, e.rawKey, e.delimiter, e.keyPos, e.delimiterPos, e.valuePos, e.value, e.endLine]);
  assert.deepEqual(got, [
    ['key', 'key', '=', { line: 2, column: 1 }, { line: 2, column: 4 }, { line: 2, column: 5 }, 'value', 2],
    ['key', 'Key', ':', { line: 3, column: 1 }, { line: 3, column: 5 }, { line: 3, column: 7 }, 'v2', 3],
    ['k3', 'k3', '=', { line: 4, column: 1 }, { line: 4, column: 4 }, { line: 4, column: 6 }, 'v3', 4],
    ['k4', 'k4', '=', { line: 5, column: 1 }, { line: 5, column: 3 }, { line: 5, column: 4 }, '', 5],
    ['k5', 'k5', '=', { line: 6, column: 1 }, { line: 6, column: 4 }, { line: 6, column: 5 }, '', 6],
    ['k6', 'k6', '=', { line: 7, column: 1 }, { line: 7, column: 3 }, { line: 7, column: 4 }, 'a', 7],
  ]);
  assert.deepEqual(doc.entries[0]!.lines, [{ line: 2, column: 5, text: 'value', continuation: false }]);
  // the blank lines below a value are part of it (configparser appends '' for each)
  assert.deepEqual(doc.entries[5]!.lines.map((l) => [l.line, l.column, l.text, l.continuation]), [
    [7, 4, 'a', false],
    [8, 1, '', true],
    [9, 1, '', true],
  ]);
  // the same objects on every read
  assert.equal(doc.entries[2]!.valuePos, doc.entries[2]!.valuePos);
  assert.equal(doc.entries[2]!.lines, doc.entries[2]!.lines);
  assert.equal(doc.sections[0]!.pos, doc.sections[0]!.pos);
});

test('a line with no delimiter keeps the option above open, blank lines after it included', () => {
  const doc = readIni('[s]\na=1\nbad\n\n  more\n', 'f');
  const a = doc.entries[0]!;
  assert.equal(a.value, '1\n\nmore');
  assert.equal(a.readValue, '1\n\nmore');
  assert.deepEqual(a.lines.map((l) => [l.line, l.column, l.text]), [[2, 3, '1'], [4, 1, ''], [5, 3, 'more']]);
  assert.equal(a.endLine, 5);
});

test('the document keeps its text; lines and eols put it back together', () => {
  for (const text of ['', 'a', '[s]\na=1\n', '[s]\r\na=1\r  2\r\nb=3', '\n\n', 'x\ry\n']) {
    const doc = readIni(text, 'f');
    assert.equal(doc.text, text);
    assert.equal(doc.lines.map((l, i) => l + doc.eols[i]).join(''), text);
  }
});

test('columns count characters (code points), not UTF-16 units', () => {
  const doc = readIni('[s]\n\u{1F600}a = b ;c\n', 'f');
  assert.equal(doc.entries[0]!.key, '\u{1F600}a');
  assert.deepEqual(doc.entries[0]!.valuePos, { line: 2, column: 6 });
  assert.deepEqual(doc.comments[0], { line: 2, column: 8, text: ';c', kind: 'inline' });
});

test('CRLF, lone CR and a last line without newline', () => {
  const doc = readIni('[s]\r\na=1\r  2\r\nb=3', 'f');
  assert.deepEqual(doc.lines, ['[s]', 'a=1', '  2', 'b=3']);
  assert.deepEqual(doc.eols, ['\r\n', '\r', '\r\n', '']);
  assert.deepEqual(valuesOf('[s]\r\na=1\r  2\r\nb=3'), { s: { a: '1\n2', b: '3' } });
  // a value never keeps a \r
  assert.deepEqual(valuesOf('[s]\r\na=x\r\n'), { s: { a: 'x' } });
});

test('BOM is not stripped: the first line is not a header', () => {
  const doc = readIni('\ufeff[supervisord]\nlogfile=x\n', '/tmp/demo/bom.conf');
  assert.equal(doc.hasBom, true);
  assert.equal(doc.sections.length, 0);
  assert.equal(
    iniErrorText(doc),
    "File contains no section headers.\nfile: '/tmp/demo/bom.conf', line: 1\n'\\ufeff[supervisord]\\n'",
  );
  assert.equal(readIni('[s]\n', 'f').hasBom, false);
});

test('missing section header: comments and blank lines first are fine; the read stops', () => {
  const doc = readIni('; c\n\nlogfile=/tmp/x\n[supervisord]\nautostart\n', 's.conf');
  assert.deepEqual(doc.errors, [{ kind: 'no-section-header', file: 's.conf', line: 3, column: 1, raw: 'logfile=/tmp/x\n' }]);
  assert.equal(doc.sections.length, 0);
  assert.equal(iniErrorText(doc), "File contains no section headers.\nfile: 's.conf', line: 3\n'logfile=/tmp/x\\n'");
  // without a final newline the repr has none either; quotes switch like Python's repr
  assert.equal(
    iniErrorText(readIni("it's", 'a.conf'), "/x/it's.conf"),
    'File contains no section headers.\nfile: "/x/it\'s.conf", line: 1\n"it\'s"',
  );
});

test('parsing errors are all collected, reading continues, texts as configparser prints them', () => {
  const lines = ['[supervisord]', 'logfile=x', '', '[program:a]', 'command=cat', 'autostart', '=foo', 'x=1'];
  for (let i = 0; i < 5; i++) lines.push('');
  lines.push('bad\\line\t');
  const doc = readIni(lines.join('\n') + '\n', 's.conf');
  assert.deepEqual(doc.errors.map((e) => [e.kind, e.line, e.column]), [
    ['no-delimiter', 6, 1],
    ['empty-key', 7, 1],
    ['no-delimiter', 14, 1],
  ]);
  assert.equal(
    iniErrorText(doc),
    "Source contains parsing errors: 's.conf'\n\t[line  6]: 'autostart\\n'\n\t[line  7]: '=foo\\n'\n\t[line 14]: 'bad\\\\line\\t\\n'",
  );
  // configparser still stores what it read, including key '' for `=foo`
  const v = valuesOf(lines.join('\n'));
  assert.deepEqual(v['program:a'], { command: 'cat', '': 'foo', x: '1' });
  assert.equal(iniErrorText(readIni('[s]\na=1\n', 'f')), null);
});

test('a no-delimiter line keeps the option open for deeper lines; `=foo` closes it', () => {
  assert.deepEqual(valuesOf('[s]\na=1\nbad\n  more\n')['s'], { a: '1\nmore' });
  const doc = readIni('[s]\n=1\n  more\n', 'f');
  assert.deepEqual(doc.errors.map((e) => e.kind), ['empty-key', 'no-delimiter']);
});

test('duplicates: every occurrence kept, last one wins, section keeps its first position', () => {
  const doc = readIni('[a]\nx=1\n[b]\ny=1\n[a]\nx=2\nz=3\nX=4\n', 'f');
  assert.equal(doc.sections.length, 3);
  const config = mergeIni([doc]);
  assert.deepEqual(config.sections.map((s) => s.name), ['a', 'b']);
  const a = config.section('a')!;
  assert.deepEqual(a.pos, { line: 1, column: 1 });
  assert.equal(a.occurrences.length, 2);
  assert.equal(a.get('x')!.value, '4');
  assert.deepEqual(a.occurrencesOf('x').map((e) => [e.keyPos.line, e.rawKey, e.value]), [[2, 'x', '1'], [6, 'x', '2'], [8, 'X', '4']]);
  assert.deepEqual(a.keys(), ['x', 'z']);
});

test('junk-only and unusual lines never throw', () => {
  for (const text of ['', '\n', '[', ']', '[a', '=', ':', ';', '\r', '\ufeff', '[a]\n\t\t', '[a]\n \u3000x']) {
    assert.doesNotThrow(() => readIni(text, 'f'));
  }
});
