// The generator against supervisord 4.2.5 itself. Each workers file under
// fixtures/compat/generate/ok/ sits beside NAME.expected.json, written by hand from what the YAML
// means (DESIGN.md §2 and supervisord's documented defaults), never from the generator's code.
// The file is generated, parsed by supervisord's own parser, and every process's name, group,
// argv (Python's shlex.split of the command supervisord keeps), environment and options must be
// what the YAML meant. Files under refused/ must be refused with exit code 2 and a located error.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { generateFile } from '../../src/generate/index.js';
import { oracleParseMany, requireSupervisord, tempDir, type OracleResult } from '../support/supervisord.js';
import { repoRoot } from '../support/tmp.js';

const ROOT = repoRoot();
const FIXTURES = join(ROOT, 'fixtures/compat/generate');
const CLI = join(ROOT, 'dist/src/cli/main.js');
/** The environment supervisord is given while parsing, for %(ENV_X)s. */
const ORACLE_ENV = { HOME: '/home/compat' };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface ExpectedProcess {
  name: string;
  group: string;
  kind?: string;
  argv: string[];
  environment?: Record<string, string>;
  options?: Record<string, Json>;
}

interface Expected {
  /** --var values. */
  vars?: Record<string, string>;
  /** The generator's environment, for ${env:NAME}. */
  env?: Record<string, string>;
  /** Laid over ORACLE_ENV while supervisord parses. */
  oracleEnv?: Record<string, string>;
  /** Files created beside the generated config before parsing (path relative to it: text). */
  files?: Record<string, string>;
  processes: ExpectedProcess[];
  groups?: Record<string, Record<string, Json>>;
  supervisord?: Record<string, Json>;
  servers?: Array<Record<string, Json>>;
}

interface ExpectedError {
  line: number;
  column: number;
  /** Text the message must contain (case-insensitive). */
  match: string;
}

// supervisord 4.2.5's defaults for a process (docs, "[program:x] Section Values"), as the oracle
// reports them: signals by name, autorestart as text, unset values as null.
const PROCESS_DEFAULTS: Record<string, Json> = {
  uid: null,
  directory: null,
  umask: null,
  priority: 999,
  autostart: true,
  autorestart: 'unexpected',
  startsecs: 1,
  startretries: 3,
  exitcodes: [0],
  stopsignal: 'SIGTERM',
  stopwaitsecs: 10,
  stopasgroup: false,
  killasgroup: false,
  redirect_stderr: false,
  stdout_logfile: 'AUTO',
  stdout_logfile_maxbytes: 50 * 1024 * 1024,
  stdout_logfile_backups: 10,
  stdout_capture_maxbytes: 0,
  stdout_events_enabled: false,
  stdout_syslog: false,
  stderr_logfile: 'AUTO',
  stderr_logfile_maxbytes: 50 * 1024 * 1024,
  stderr_logfile_backups: 10,
  stderr_capture_maxbytes: 0,
  stderr_events_enabled: false,
  stderr_syslog: false,
  serverurl: null,
};

/** @T@ is the folder of the generated config (%(here)s), @HOST@ the host name. */
function substitute<T>(value: T, t: string): T {
  const host = hostname();
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
    typeof v === 'string' ? v.replaceAll('@T@', t).replaceAll('@HOST@', host) : v,
  ) as T;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Workers files of a folder and their expectation files. */
function fixtures(sub: 'ok' | 'refused'): Array<{ name: string; path: string; expected: string }> {
  const dir = join(FIXTURES, sub);
  return readdirSync(dir)
    .filter((f) => (f.endsWith('.yaml') || f.endsWith('.workers.json')))
    .sort()
    .map((f) => {
      const name = f.replace(/\.workers\.json$|\.yaml$/, '');
      return { name, path: join(dir, f), expected: join(dir, `${name}.expected.json`) };
    });
}

/** Python's shlex.split, which supervisord applies to command= when it spawns. */
function pythonSplit(commands: string[]): Array<string[] | string> {
  const script =
    'import json,sys,shlex\nout=[]\nfor c in json.load(sys.stdin):\n' +
    '    try: out.append(shlex.split(c))\n    except ValueError as e: out.append(str(e))\njson.dump(out,sys.stdout)\n';
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(commands), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python shlex.split failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Array<string[] | string>;
}

function runCli(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const OK = fixtures('ok');
const REFUSED = fixtures('refused');

describe('generate compat: generated configs mean in supervisord 4.2.5 what the workers file meant', () => {
  const results = new Map<string, { text: string; oracle: OracleResult; dir: string; expected: Expected; argv: Map<string, string[] | string> }>();

  const refusedByGenerator = new Map<string, string>();

  before(async () => {
    requireSupervisord();
    assert.ok(OK.length >= 30, `at least 30 workers files (found ${OK.length})`);
    const root = tempDir('gs-gen-compat-');
    const staged: Array<{ name: string; dir: string; conf: string; text: string; expected: Expected }> = [];
    for (const f of OK) {
      const dir = join(root, f.name);
      for (const sub of ['logs', 'run', 'conf.d', 'work dir']) mkdirSync(join(dir, sub), { recursive: true });
      const expected = substitute(readJson<Expected>(f.expected), dir);
      for (const [rel, text] of Object.entries(expected.files ?? {})) {
        mkdirSync(dirname(join(dir, rel)), { recursive: true });
        writeFileSync(join(dir, rel), text);
      }
      const r = generateFile(f.path, { vars: { tmp: dir, ...(expected.vars ?? {}) }, env: expected.env ?? {} });
      if (r.exitCode !== 0 || r.text === null) {
        refusedByGenerator.set(f.name, r.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`).join('\n'));
        continue;
      }
      const conf = join(dir, 'supervisord.conf');
      writeFileSync(conf, r.text);
      staged.push({ name: f.name, dir, conf, text: r.text, expected });
    }
    const oracle = await oracleParseMany(
      staged.map((s) => ({ path: s.conf, cleanEnv: false, env: { ...ORACLE_ENV, ...(s.expected.oracleEnv ?? {}) } })),
    );
    const commands: string[] = [];
    for (const o of oracle) for (const g of o.groups ?? []) for (const p of g.processes) commands.push(p.command);
    const split = pythonSplit(commands);
    let k = 0;
    staged.forEach((s, i) => {
      const o = oracle[i]!;
      const argv = new Map<string, string[] | string>();
      for (const g of o.groups ?? []) for (const p of g.processes) argv.set(p.name, split[k++]!);
      results.set(s.name, { text: s.text, oracle: o, dir: s.dir, expected: s.expected, argv });
    });
  });

  for (const f of OK) {
    it(`${f.name}: every process as the workers file meant it`, () => {
      assert.equal(refusedByGenerator.get(f.name), undefined, `${f.name}: refused by the generator`);
      const r = results.get(f.name)!;
      const o = r.oracle;
      assert.ok(o.accepted, `supervisord refused the generated config: ${o.error ?? o.crash}\n${r.text}`);
      const procs = new Map(o.groups!.flatMap((g) => g.processes.map((p) => [p.name, { p, group: g.name }] as const)));
      assert.deepEqual([...procs.keys()].sort(), r.expected.processes.map((p) => p.name).sort(), 'process names');
      for (const want of r.expected.processes) {
        const { p, group } = procs.get(want.name)!;
        const where = `${f.name} process ${want.name}`;
        assert.equal(group, want.group, `${where}: group`);
        assert.equal(p.kind, want.kind ?? 'ProcessConfig', `${where}: kind`);
        assert.deepEqual(r.argv.get(want.name), want.argv, `${where}: argv of command=${JSON.stringify(p.command)}`);
        assert.deepEqual(p.environment ?? {}, want.environment ?? {}, `${where}: environment`);
        const options = { ...PROCESS_DEFAULTS, ...(want.options ?? {}) };
        const got = p as unknown as Record<string, Json>;
        for (const [key, value] of Object.entries(options)) assert.deepEqual(got[key], value, `${where}: ${key}`);
      }
      for (const [name, want] of Object.entries(r.expected.groups ?? {})) {
        const g = o.groups!.find((x) => x.name === name);
        assert.ok(g, `${f.name}: group ${name}`);
        const got = g as unknown as Record<string, Json>;
        for (const [key, value] of Object.entries(want)) {
          if (key === 'socket') {
            for (const [sk, sv] of Object.entries(value as Record<string, Json>)) {
              assert.deepEqual((got.socket as Record<string, Json>)[sk], sv, `${f.name}: group ${name} socket.${sk}`);
            }
          } else if (key === 'events') {
            // supervisord keeps the events as a set: their order means nothing
            assert.deepEqual([...(got.events as string[])].sort(), [...(value as string[])].sort(), `${f.name}: group ${name} events`);
          } else assert.deepEqual(got[key], value, `${f.name}: group ${name} ${key}`);
        }
      }
      for (const [key, value] of Object.entries(r.expected.supervisord ?? {})) {
        assert.deepEqual((o.supervisord as unknown as Record<string, Json>)[key], value, `${f.name}: [supervisord] ${key}`);
      }
      if (r.expected.servers) {
        assert.equal(o.servers!.length, r.expected.servers.length, `${f.name}: servers`);
        r.expected.servers.forEach((want, i) => {
          const got = o.servers![i] as unknown as Record<string, Json>;
          for (const [key, value] of Object.entries(want)) assert.deepEqual(got[key], value, `${f.name}: server ${i} ${key}`);
        });
      }
    });
  }

  it('output is deterministic, starts with a comment naming the source, and the CLI prints the same bytes', () => {
    assert.deepEqual([...refusedByGenerator.keys()], [], 'every ok/ file generates');
    for (const f of OK) {
      const r = results.get(f.name)!;
      const vars = { tmp: r.dir, ...(r.expected.vars ?? {}) };
      const again = generateFile(f.path, { vars, env: r.expected.env ?? {} });
      assert.equal(again.text, r.text, `${f.name}: same input, same bytes`);
      const first = r.text.split('\n')[0]!;
      assert.ok(first.startsWith(';') && first.includes(f.path), `${f.name}: header comment names ${f.path}: ${first}`);
      const cli = runCli(['generate', f.path, ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}=${v}`])], r.expected.env ?? {});
      assert.equal(cli.status, 0, `${f.name}: CLI exit code (stderr: ${cli.stderr})`);
      assert.equal(cli.stdout, r.text, `${f.name}: CLI output`);
    }
  });
});

describe('generate compat: refused workers files', () => {
  it(`has at least 10 refused files (found ${REFUSED.length})`, () => assert.ok(REFUSED.length >= 10));

  for (const f of REFUSED) {
    it(`${f.name}: refused with exit code 2 at the value that causes it`, () => {
      const want = readJson<{ errors: ExpectedError[] }>(f.expected).errors;
      const lib = generateFile(f.path, { vars: {}, env: {} });
      assert.equal(lib.exitCode, 2, `${f.name}: library exit code`);
      assert.equal(lib.text, null);
      assert.ok(lib.diagnostics.length > 0);
      for (const d of lib.diagnostics) assert.equal(d.file, f.path, `${f.name}: diagnostic file`);
      for (const e of want) {
        const found = lib.diagnostics.find((d) => d.line === e.line && d.column === e.column && d.message.toLowerCase().includes(e.match.toLowerCase()));
        assert.ok(found, `${f.name}: no error at ${e.line}:${e.column} mentioning ${JSON.stringify(e.match)}; got\n${lib.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`).join('\n')}`);
      }
      const cli = runCli(['generate', f.path]);
      assert.equal(cli.status, 2, `${f.name}: CLI exit code (stderr: ${cli.stderr})`);
      assert.equal(cli.stdout, '', `${f.name}: nothing on stdout`);
      for (const e of want) {
        const line = cli.stderr.split('\n').find((l) => l.startsWith(`${f.path}:${e.line}:${e.column}: `));
        assert.ok(line && line.toLowerCase().includes(e.match.toLowerCase()), `${f.name}: CLI stderr lacks ${f.path}:${e.line}:${e.column}: ...${e.match}...\n${cli.stderr}`);
      }
    });
  }
});
