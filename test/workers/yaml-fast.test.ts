// The quick YAML reader must either decline a text or give exactly what eemeli/yaml gives:
// the same data (types, key order) and the same position for every path, key and value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readPlainYaml, resolvePlain } from '../../src/workers/yaml-fast.js';
import { parseWithLibrary, parseYaml, type DataPath, type YamlSource } from '../../src/workers/yaml-source.js';
import { rng } from '../support/random.js';

/** Every path in the data, plus a missing key and index under each collection. */
function paths(data: unknown, prefix: DataPath = []): DataPath[] {
  const out: DataPath[] = [prefix];
  if (Array.isArray(data)) {
    data.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
    out.push([...prefix, data.length], [...prefix, '0']);
  } else if (data && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) out.push(...paths(v, [...prefix, k]));
    out.push([...prefix, 'no such key'], [...prefix, 0, 'deeper']);
  }
  return out;
}

/** Deep equality that also tells -0 from 0, NaN from anything, and key order. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && typeof a === 'object') {
    if (!b || typeof b !== 'object' || Array.isArray(b)) return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** null when the quick reader declines or agrees; otherwise what differs. */
function disagreement(text: string): string | null {
  if (!readPlainYaml(text)) return null;
  const quick = parseYaml(text, 'f.yaml');
  const full = parseWithLibrary(text, 'f.yaml');
  if (!full.source) return `accepted, but eemeli/yaml refuses it: ${full.diagnostics.map((d) => d.message).join('; ')}`;
  if (!same(quick.source!.data, full.source.data)) {
    return `data ${JSON.stringify(quick.source!.data)} != ${JSON.stringify(full.source.data)}`;
  }
  for (const p of paths(full.source.data)) {
    for (const which of ['key', 'value'] as const) {
      const a = quick.source!.locate(p, which);
      const b = full.source.locate(p, which);
      if (a.line !== b.line || a.column !== b.column) {
        return `${which} of ${JSON.stringify(p)}: ${a.line}:${a.column} != ${b.line}:${b.column}`;
      }
    }
    for (const source of [quick.source!, full.source]) {
      const walked = walkedPositions(source, p);
      if (walked) return `${source === full.source ? 'eemeli/yaml' : 'quick reader'}: ${walked}`;
    }
  }
  return null;
}

/** null when step/pos/keyPos give at `p` what locate gives; otherwise what differs. */
function walkedPositions(source: YamlSource, p: DataPath): string | null {
  if (p.length === 0) return null;
  let c = source.root;
  for (const segment of p.slice(0, -1)) c = source.step(c, segment);
  const last = p[p.length - 1]!;
  const checks = [
    ['key', source.keyPos(c, last), source.locate(p, 'key')],
    ['value', source.pos(source.step(c, last)), source.locate(p, 'value')],
  ] as const;
  for (const [which, a, b] of checks) {
    if (a.file !== b.file || a.line !== b.line || a.column !== b.column || Object.keys(a).join() !== 'file,line,column') {
      return `walked ${which} of ${JSON.stringify(p)}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`;
    }
  }
  return null;
}

function agrees(text: string): void {
  assert.equal(disagreement(text), null, JSON.stringify(text));
}

const ACCEPTED = [
  'version: 1\nprograms:\n  web:\n    command: php artisan serve --port=8000\n    numprocs: 2\n',
  '# lead comment\n\nversion: 1   # trailing\nvars:\n  app: /srv/app\n\n  # inner comment\n  logs: "/var/log"\n',
  'a: [1, "two", \'th\'\'ree\', {k: v, "q": -1.5}, []]\nb: {}\nc: { x: [ ], y: {z: 0o17} }\n',
  'a:\n- x\n- "y"\n- [1, 2]\nb:\n    - 1\n    -   2   # c\nc: 3\n',
  'e: { TZ: UTC, LANG: "C.UTF-8", RATE: "100%", G: \'say "hi", 1\' }\n',
  'cmd: [php, "${app}/artisan", "queue:work", "--name=job 1; urgent", "50%"]\n',
  'n: ~\nm: null\nt: true\nf: False\ni: -0\nj: +12\nh: 0x1F\no: 0o7\nx: 1.50\ny: .5\nz: 1e3\nw: -.inf\nv: .NaN\nu: 12abc\ns: 0o8\nr: 1_000\n',
  'url: http://example.com:8080/x\nhash: a#b\ncolon: a:b\nbraces: echo {a,b} [c]\ndash: -x\nq: "a\\tb\\u00e9\\x41\\U0001F600\\"\\\\\\/ \\_"\n',
  '"quoted key": 1\n\'single\': 2\n"": empty key\n',
  'a:\n  b:\n    c:\n      d: deep\n  e: back\nf: top',
  '{\n  "version": 1,\n  "programs": {"a": {"command": "x", "environment": {"A": "1"}}},\n  "list": [1, 2.5, true, null, "s"]\n}\n',
  '{"a":1,"b":[{"c":"d"}]}',
  '[1, 2]\n',
  '{\n# comment\n"a": [1,\n  2], # after\n"b": {}\n}\n',
  'key  :  spaced\n',
  'a: \'it\'\'s\'\nb: "tab\tinside"\n',
  'a: [x, -1, -y]\n',
  'x: { u: http://h/p, v: a:b }\n',
  'long: ' + 'word '.repeat(300) + 'end\n',
];

const DECLINED = [
  '',
  '# only a comment\n',
  '  indented: root\n',
  '- a\n- b\n',
  'a: &x 1\nb: *x\n',
  'a: !!str 1\n',
  'a: |\n  block\n',
  'a: >\n  folded\n',
  'a: plain\n  continued\n',
  'a: "multi\n  line"\n',
  'a:\n',
  'a: 1\na: 2\n',
  '<<: {a: 1}\n',
  'a:\tb\n',
  '\ta: b\n',
  'a: b\r\nc: d\r\n',
  '\ufeffa: b\n',
  '---\na: b\n',
  '%YAML 1.2\n---\na: b\n',
  'a: [1,\n  2]\n',
  'a: [1, 2, ]\n',
  'a: {b}\n',
  'a: b: c\n',
  '- a: b\n',
  'a:\n  - b: c\n',
  'a:\n  -\n    b\n',
  '1: one\n',
  'true: yes\n',
  '? complex\n: key\n',
  'a: "bad \\q escape"\n',
  'a: "\\UFFFFFFFF"\n',
  'a:\n    b: 1\n  c: 2\n',
  'a: b #c\n  d: e\n',
  '__proto__: x\n',
  'a: [b]c\n',
  'a: "b"c\n',
  '{"a": 1} trailing\n',
  '{"a" : 1}\n',
];

test('the quick reader agrees with eemeli/yaml on plain files', () => {
  for (const text of ACCEPTED) {
    assert.notEqual(readPlainYaml(text), null, `declined: ${JSON.stringify(text)}`);
    agrees(text);
  }
});

test('the quick reader declines what is outside its subset (eemeli/yaml reads those)', () => {
  for (const text of DECLINED) assert.equal(readPlainYaml(text), null, JSON.stringify(text));
});

test('plain scalars resolve as in the YAML 1.2 core schema', () => {
  const cases: Array<[string, unknown]> = [
    ['~', null], ['Null', null], ['TRUE', true], ['false', false], ['0o17', 15], ['-7', -7], ['0x1f', 31],
    ['.inf', Infinity], ['-.Inf', -Infinity], ['1e2', 100], ['.5', 0.5], ['3.', 3], ['yes', 'yes'], ['0b1', '0b1'], ['1.2.3', '1.2.3'],
  ];
  for (const [text, value] of cases) assert.ok(Object.is(resolvePlain(text), value), text);
});

test('the quick reader agrees on every YAML and JSON fixture in the repository', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|json)$/.test(name)) files.push(p);
    }
  };
  walk('fixtures');
  assert.ok(files.length > 10);
  let read = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assert.equal(disagreement(text), null, f);
    if (readPlainYaml(text)) read++;
  }
  // Most real worker descriptions are plain: the quick path is the common one.
  assert.ok(read > files.length / 2, `${read} of ${files.length} read quickly`);
});

const PIECES = [
  'a', 'b', 'key', 'x y', '1', '-1', '0o7', '1.5', 'true', 'null', '~', '-', '- ', ':', ': ', '#', ' #', ' # c', ',', ', ',
  '[', ']', '{', '}', '"', "'", '\\', '\\n', '\\u00e9', '\\x4', "''", '\n', '\n  ', '\n    ', '\n- ', '  ', ' ', '\t', '&a', '*a',
  '!t', '|', '>', '?', '%', '@', '`', '<<', '"q"', "'s'", 'é', '${v}', '%(x)s', '.5', 'e3', '0x', '__proto__', '...', '---',
];

test('random texts built from YAML pieces: the quick reader declines or agrees', () => {
  const next = rng(20240611);
  const bases = ACCEPTED.concat(['a: b\nc:\n  d: [e, f]\n  g: {h: i}\nj:\n- k\n- "l"\n']);
  let accepted = 0;
  for (let n = 0; n < 6000; n++) {
    let text = bases[Math.floor(next() * bases.length)]!;
    const edits = 1 + Math.floor(next() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(next() * (text.length + 1));
      const piece = PIECES[Math.floor(next() * PIECES.length)]!;
      const cut = next() < 0.3 ? 1 + Math.floor(next() * 3) : 0;
      text = text.slice(0, at) + piece + text.slice(at + cut);
    }
    if (readPlainYaml(text)) accepted++;
    agrees(text);
  }
  assert.ok(accepted > 500, `only ${accepted} random texts were accepted: the test would prove little`);
});

type Tree = { kind: 'scalar' } | { kind: 'map'; children: Tree[] } | { kind: 'seq'; children: Tree[] };

const WORDS = [
  'a', 'web', 'x y', 'true', '1', '-2', '0o7', '1.5e3', 'null', '~', 'http://h:1/p', 'a#b', 'é', '100%', '${a}', '--x', 'say "hi"', "it's",
  'a, b', '[x]', '{y}', '', ' lead', 'trail ', 'a: b', 'k:', '#c', '.inf', '0x1F', '-', '- x', '? q', 'tab\there', 'back\\slash',
];

test('random documents in block and flow styles: the quick reader declines or agrees', () => {
  const next = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const scalar = (): string => {
    const w = pick(WORDS);
    const k = next();
    return k < 0.5 ? w : k < 0.75 ? `'${w.replace(/'/g, "''")}'` : JSON.stringify(w);
  };
  const tree = (depth: number): Tree => {
    const k = next();
    if (depth > 3 || k < 0.4) return { kind: 'scalar' };
    const children = Array.from({ length: (k < 0.7 ? 1 : 0) + Math.floor(next() * 4) }, () => tree(depth + 1));
    return k < 0.7 ? { kind: 'map', children } : { kind: 'seq', children };
  };
  const flow = (t: Tree): string => {
    if (t.kind === 'scalar') return scalar();
    if (t.kind === 'map') return `{${t.children.map((c) => `${scalar()}:${next() < 0.8 ? ' ' : ''}${flow(c)}`).join(next() < 0.5 ? ', ' : ',')}}`;
    return `[${t.children.map(flow).join(', ')}]`;
  };
  const block = (t: Tree, indent: number, out: string[]): void => {
    const pad = ' '.repeat(indent);
    if (t.kind === 'map') {
      for (const c of t.children) {
        const comment = next() < 0.1 ? ' # c' : '';
        if (c.kind === 'scalar' || next() < 0.3) {
          out.push(`${pad}${scalar()}: ${flow(c)}${comment}`);
        } else {
          out.push(`${pad}${scalar()}:${comment}`);
          if (next() < 0.1) out.push('');
          block(c, indent + (c.kind === 'seq' && next() < 0.4 ? 0 : 1 + Math.floor(next() * 3)), out);
        }
      }
    } else if (t.kind === 'seq') {
      for (const c of t.children.length ? t.children : [{ kind: 'scalar' } as Tree]) out.push(`${pad}-${' '.repeat(1 + Math.floor(next() * 2))}${flow(c)}`);
    }
  };
  let accepted = 0;
  for (let n = 0; n < 4000; n++) {
    const root: Tree = { kind: 'map', children: Array.from({ length: 1 + Math.floor(next() * 5) }, () => tree(1)) };
    let text: string;
    if (next() < 0.2) {
      text = `${flow(root).replace(/, /g, () => (next() < 0.3 ? ',\n  ' : ', '))}\n`;
    } else {
      const out: string[] = [];
      block(root, 0, out);
      text = out.join('\n') + (next() < 0.9 ? '\n' : '');
    }
    if (readPlainYaml(text)) accepted++;
    agrees(text);
  }
  assert.ok(accepted > 300, `only ${accepted} random documents were accepted`);
});
