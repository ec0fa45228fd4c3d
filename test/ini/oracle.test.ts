// Differential test against CPython's real configparser (Debian's /usr/bin/python3, the one
// supervisord 4.2.5 runs on), configured as supervisord configures it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mergeIni } from '../../src/ini/merge.js';
import { iniErrorText, readIni } from '../../src/ini/reader.js';
import { checkValue, writeIni } from '../../src/ini/writer.js';

const PYTHON = '/usr/bin/python3';

// Reads every file in order into one parser (collecting each file's error text and going on,
// so that the state after an error is compared too), optionally with supervisor's expand_here.
const SCRIPT = String.raw`
import sys, json, configparser
files = json.loads(sys.argv[1])
use_here = any(h is not None for _, h in files)
if use_here:
    from supervisor.options import UnhosedConfigParser
    p = UnhosedConfigParser()
else:
    p = configparser.RawConfigParser(inline_comment_prefixes=(';', '#'), strict=False)
errors = []
for path, here in files:
    try:
        with open(path, encoding='utf-8') as f:
            p.read_file(f, source=path)
        errors.append(None)
    except configparser.Error as e:
        errors.append(str(e))
    if here is not None:
        p.expand_here(here)
out = {
    'sections': [[s, [[o, p.get(s, o)] for o in p.options(s)]] for s in p.sections()],
    'defaults': [[k, v] for k, v in p.defaults().items()],
    'errors': errors,
}
print(json.dumps(out))
`;

interface Dump {
  sections: Array<[string, Array<[string, string]>]>;
  defaults: Array<[string, string]>;
  errors: Array<string | null>;
}

function python(files: Array<[string, string | null]>): Dump {
  return JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT, JSON.stringify(files)], { encoding: 'utf-8' })) as Dump;
}

function ours(files: Array<[string, string | null]>, texts: string[]): Dump {
  const docs = files.map(([path], i) => readIni(texts[i]!, path));
  const useHere = files.some(([, h]) => h !== null);
  const config = mergeIni(docs, useHere ? { hereDirs: files.map(([, h]) => h ?? undefined) } : {});
  return {
    sections: config.sections.map((s) => [s.name, s.keys().map((k) => [k, s.get(k)!.value] as [string, string])]),
    defaults: config.defaults.ownKeys().map((k) => [k, config.defaults.get(k)!.value]),
    errors: docs.map((d) => iniErrorText(d)),
  };
}

const CASES: Record<string, string | string[]> = {
  comments: '[program:a]\ncommand=/bin/echo a;b\nc1=/bin/echo a ;b\nc2=/bin/echo a\t;b\nc3=/bin/echo a#b #c\nc4=/bin/echo "x ; y"\nc5=/bin/echo a; ;b #c\nc6=a; #x ;y\nc7=a\u001c;b\nc8=a\u0085#b\nc9=a\ufeff;b\n',
  headers: '[program:a] junk\nx=1\n[program:i]]\ny=2\n[ program:g ]\nz=3\n[program:c];c\n[x]=y\nw=4\n[]]\nq=5\n',
  unclosed: '[program:a]\ncommand=x\n[program:b\nautostart=false\nhttp://x\n  [indented]\nk=v\n',
  continuation: '[program:a]\ncommand=/bin/echo one\n  two\n\tthree\n  autostart=false\n  [program:b]\nx=1\n',
  indentedFirst: '[s]\n  command=a\n  autostart=false\n    more\nb=1\n   c=2\n d=3\n',
  blanks: '[s]\na=1\n\n  2\n   \n ; comment\n# comment\n  3\n\n\nb=x\n\n\n[t]\nc=\n  /bin/cat\n\n',
  keys: '[s]\nCOMMAND = a=b:c\nAutoStart:true\nurl : http://x:1\nempty=\nspaced key  =  v  \n\u00a0nb\u00a0=\u00a0v\u00a0\nK\u0130=1\n',
  crlf: '[s]\r\na=1\r  2\r\nb=3\r\n\r\n[t]\r\nc=4',
  duplicates: '[a]\nx=1\n[b]\ny=1\n[a]\nx=2\nz=3\nX=4\n[b]\ny=\n',
  defaults: '[DEFAULT]\nautostart=false\nx=d\n[program:a]\nx=own\n[DEFAULT]\ny=late\n[rpcinterface:s]\nf=1\n',
  errors: '[supervisord]\nlogfile=x\n\n[program:a]\ncommand=cat\nautostart\n=foo\n  cont\nx=1\nbad\n  more\nb\u200b\u00a0é\u{1F600}\x7f\\\'"\u2028\n' + '\n'.repeat(100) + 'late',
  noHeader: '; c\n\nlogfile=/tmp/x\n[supervisord]\n',
  bom: '\ufeff[supervisord]\nlogfile=x\n',
  unicode: '[prog:é]\ncmd=echo \u{1F600} ; x\n\u3000k=v\n  \u2028cont\nz=\u2028;y\n',
  weird: '[s]\n:=:\na==b\n#x=1\n;y=2\n  ;z=3\n[a]b]c]\n\t\tdeep=1\n\t\tnext=2\n',
  // a section past the size where lookups switch from scanning its entries to a key map, written twice
  many:
    '[DEFAULT]\nk3=d\nz=d\n[big]\n' +
    Array.from({ length: 20 }, (_, i) => `k${i} = v${i}\n`).join('') +
    '[small]\nA=1\na=2\n[big]\nK5=again\nk19:last\nnew=1\n[small]\nb=3\nA=4\n',
  // option lines: spaces, tabs, Unicode spaces, comments and nothing around the delimiter and the value
  plain: '[s]\nkey=value\nk2 = v w\nk3:\t:x\nk4=\nk5 = \nk6=a\u00a0\nk7=a\t\nk8= ;c\nk9=a#b\nk.-_=x\r\nk10=é\n\u00e9=1\n',
  merged: ['[supervisord]\na=1\n[include]\nfiles=x\n[DEFAULT]\nd=main\n', '[supervisord]\na=2\nb=3\n[program:x]\nc=1\n[DEFAULT]\nd=inc\n', 'k=v\n', '[program:x]\nc=2\nbad\n'],
};

test('readIni + mergeIni agree with CPython configparser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ini-oracle-'));
  try {
    for (const [name, content] of Object.entries(CASES)) {
      const texts = Array.isArray(content) ? content : [content];
      const files = texts.map((t, i): [string, string | null] => {
        const path = join(dir, `${name}-${i}.conf`);
        writeFileSync(path, t);
        return [path, null];
      });
      assert.deepEqual(ours(files, texts), python(files), name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('%(here)s replacement agrees with supervisor expand_here', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ini-here-'));
  try {
    const texts = [
      '[DEFAULT]\nlog=%(here)s/d.log\n[supervisord]\nlogfile=%(here)s/s.log %(here)s\n[include]\nfiles=sub/*.conf\n[program:a]\ncommand=%(here)s\n',
      '[program:b]\ncommand=%(here)s/b\n[program:a]\ndirectory=%(here)s\n[DEFAULT]\nother=%(here)s/o\n',
    ];
    const paths = [join(dir, 'main.conf'), join(dir, 'sub', 'b.conf')];
    execFileSync('mkdir', ['-p', join(dir, 'sub')]);
    const files: Array<[string, string | null]> = paths.map((p, i) => {
      writeFileSync(p, texts[i]!);
      return [p, dirname(p)];
    });
    const got = ours(files, texts);
    assert.deepEqual(got, python(files));
    // sanity: the DEFAULT value was materialised with each file's own directory
    const a = got.sections.find(([n]) => n === 'program:a')![1];
    assert.deepEqual(Object.fromEntries(a)['log'], `${dir}/d.log`);
    const b = got.sections.find(([n]) => n === 'program:b')![1];
    assert.deepEqual(Object.fromEntries(b)['log'], `${dir}/sub/d.log`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('values the writer accepts read back identically in CPython', () => {
  let seed = 12345;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const alphabet = [...'ab=:;#%()s\'"[]\\ \t', 'é', 'Σ', '\u00a0', '\u3000', '\u2028', '\u0085', '\u001c', '\ufeff', '\u{1F600}', '\u200b', '\x0b'];
  const values: string[] = [];
  while (values.length < 400) {
    let v = '';
    const len = Math.floor(rand() * 14);
    for (let i = 0; i < len; i++) v += alphabet[Math.floor(rand() * alphabet.length)];
    if (checkValue(v) === null) values.push(v);
  }
  const text = writeIni({ sections: [{ name: 's', entries: values.map((value, i) => ({ key: `k${i}`, value })) }] });
  const dir = mkdtempSync(join(tmpdir(), 'ini-rt-'));
  try {
    const path = join(dir, 'w.conf');
    writeFileSync(path, text);
    const dump = python([[path, null]]);
    assert.deepEqual(dump.errors, [null]);
    assert.deepEqual(dump.sections, [['s', values.map((v, i) => [`k${i}`, v])]]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
