// Property: any string is either refused by gen-supervisor with a reason, or supervisord 4.2.5
// reads it back byte for byte, wherever it is put: a program's environment value, an argv word of
// command=, part of a doubly expanded stdout_logfile name, a [supervisord] environment value.
// Checked twice: through the codecs + INI writer, and through the generator from a workers file.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandCodec } from '../../src/codecs/command.js';
import { environmentCodec } from '../../src/codecs/environment.js';
import { escapePercent } from '../../src/codecs/expansion.js';
import { checkValue, writeIni, type IniWriteSection } from '../../src/ini/writer.js';
import { loadWorkers } from '../../src/workers/load.js';
import { buildDocument, generate } from '../../src/generate/generate.js';
import { randomText, rng } from '../support/random.js';
import { oracleParseMany, requireSupervisord, tempDir, type OracleResult } from '../support/supervisord.js';

const SEED = 0x5eed2025;
const STRINGS = 3000;
const PER_CONFIG = 100;

// Pieces chosen for what breaks INI values, shlex, supervisord's environment parser and `%`.
const PIECES = [
  '%', '%%', '%%%%', '%(', '%(here)s', '%(program_name)s', '%s', '%d', ';', ' ;', '#', ' #', '\t#', '=', ',', ':',
  "'", '"', '\\', '\\\\', '\\"', "\\'", '$', '${', '$${', '{', '}', '${x}', ' ', '  ', '\t', '\n', '\r', '\r\n',
  'é', '日', '本', '😀', '\u00a0', '\u3000', 'a', 'b', 'x', 'abc', 'A1', '-', '--flag', '/', '.', '(', ')', '*', '?',
  '~', '@', '!', '&', '|', '<', '>', '[', ']', '[program:evil]', 'NONE', 'AUTO', '0',
];

function randomStrings(n: number): string[] {
  const r = rng(SEED);
  const out = new Set<string>(['', ' ', 'plain', ' lead', 'trail ', '%', '%%', "'", '"', `'"`, 'a ;b', 'a;b', 'a #b', 'a#b', 'é日😀']);
  while (out.size < n) {
    let s = randomText(r, PIECES, 8);
    if (r() < 0.1) s = ' ' + s;
    if (r() < 0.1) s = s + ' ';
    out.add(s);
  }
  return [...out];
}

type Use = 'env' | 'argv' | 'logfile' | 'supervisordEnv';
const USES: readonly Use[] = ['env', 'argv', 'logfile', 'supervisordEnv'];

type Verdict = { ok: true; text: string } | { ok: false; reason: string };

/** Python's shlex.split on every command, in one process (supervisord splits with it at spawn). */
function pythonSplit(commands: string[]): Array<string[] | string> {
  const script =
    'import json,sys,shlex\n' +
    'out=[]\n' +
    'for c in json.load(sys.stdin):\n' +
    '    try: out.append(shlex.split(c))\n' +
    '    except ValueError as e: out.append(str(e))\n' +
    'json.dump(out,sys.stdout)\n';
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(commands), encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`python shlex.split failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Array<string[] | string>;
}

const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

interface Tally {
  accepted: Record<Use, number>;
  refused: Record<Use, number>;
  mismatches: string[];
}

const newTally = (): Tally => ({
  accepted: { env: 0, argv: 0, logfile: 0, supervisordEnv: 0 },
  refused: { env: 0, argv: 0, logfile: 0, supervisordEnv: 0 },
  mismatches: [],
});

/** One process per program p<i>; what each use of string i must come back as. */
interface Expectation {
  index: number;
  s: string;
  uses: Partial<Record<Use, true>>;
}

/** Compares the oracle's reading with the strings that were accepted. */
function compare(result: OracleResult, group: Expectation[], logs: string, tally: Tally, label: string): void {
  if (!result.accepted) {
    tally.mismatches.push(`${label}: supervisord refused the config: ${result.error ?? result.crash}`);
    return;
  }
  const procs = new Map(result.groups!.flatMap((g) => g.processes).map((p) => [p.name, p]));
  const senv = result.supervisord!.environment ?? {};
  const commands: Array<{ e: Expectation; command: string }> = [];
  for (const e of group) {
    const p = procs.get(`p${e.index}`);
    if (!p) {
      tally.mismatches.push(`${label}: no process p${e.index}`);
      continue;
    }
    const show = JSON.stringify(e.s);
    if (e.uses.env) {
      const got = p.environment?.V;
      if (got !== e.s) tally.mismatches.push(`${label} env ${show}: supervisord read ${JSON.stringify(got)}`);
    }
    if (e.uses.logfile) {
      const want = `${logs}/L-${e.s}.log`;
      if (p.stdout_logfile !== want) tally.mismatches.push(`${label} logfile ${show}: supervisord read ${JSON.stringify(p.stdout_logfile)}`);
    }
    if (e.uses.supervisordEnv) {
      const got = senv[`S${e.index}`];
      if (got !== e.s) tally.mismatches.push(`${label} [supervisord] environment ${show}: supervisord read ${JSON.stringify(got)}`);
    }
    if (e.uses.argv) commands.push({ e, command: p.command });
  }
  const split = pythonSplit(commands.map((c) => c.command));
  commands.forEach(({ e, command }, i) => {
    const argv = split[i]!;
    if (typeof argv === 'string' || argv.length !== 2 || argv[0] !== '/bin/echo' || argv[1] !== e.s) {
      tally.mismatches.push(`${label} argv ${JSON.stringify(e.s)}: command=${JSON.stringify(command)} splits into ${JSON.stringify(argv)}`);
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Path 1: codecs + writeIni

function codecVerdicts(s: string, logs: string): Record<Use, Verdict> {
  const env = (passes: 1 | 2, key: string): Verdict => {
    const f = environmentCodec.format([[key, s]]);
    if (!f.ok) return { ok: false, reason: f.message };
    const text = escapePercent(f.value, passes);
    const bad = checkValue(text);
    return bad ? { ok: false, reason: bad } : { ok: true, text };
  };
  const argv = ((): Verdict => {
    const f = commandCodec.format(['/bin/echo', s]);
    if (!f.ok) return { ok: false, reason: f.message };
    const text = escapePercent(f.value, 1);
    const bad = checkValue(text);
    return bad ? { ok: false, reason: bad } : { ok: true, text };
  })();
  const logfile = ((): Verdict => {
    // a name inside an existing folder; `/` would name another folder, NUL no file at all
    if (s.includes('/') || s.includes('\0')) return { ok: false, reason: 'not a file name' };
    const text = escapePercent(`${logs}/L-${s}.log`, 2);
    const bad = checkValue(text);
    return bad ? { ok: false, reason: bad } : { ok: true, text };
  })();
  return { env: env(1, 'V'), argv, logfile, supervisordEnv: env(2, 'S') };
}

// ---------------------------------------------------------------------------------------------
// Path 2: the generator, from a workers file

/** The YAML spelling of a literal string: `%` as `%%`, `${` as `$${` (DESIGN.md §2). */
const literal = (s: string): string => JSON.stringify(s.replace(/%/g, '%%').replace(/\$\{/g, () => '$${'));

/** Lines of each use in the single-string file below (1-based). */
const USE_LINES: Record<Use, number[]> = { supervisordEnv: [3, 4], argv: [7, 8, 9], env: [10, 11], logfile: [12] };

function oneStringYaml(s: string): string {
  const l = literal(s);
  return [
    'version: 1',
    'supervisord:',
    '  environment:',
    `    S: ${l}`,
    'programs:',
    '  p:',
    '    command:',
    '      - /bin/echo',
    `      - ${l}`,
    '    environment:',
    `      V: ${l}`,
    `    stdout_logfile: "\${logs}/L-${l.slice(1, -1)}.log"`,
    '',
  ].join('\n');
}

describe('generate property: any string is refused or read back by supervisord byte for byte', () => {
  let dir: string;
  let logs: string;
  const strings = randomStrings(STRINGS);
  const codec: Record<Use, Verdict>[] = [];
  const gen: Record<Use, Verdict>[] = [];
  const codecTally = newTally();
  const genTally = newTally();

  before(() => {
    requireSupervisord();
    dir = tempDir('gs-gen-prop-');
    logs = join(dir, 'logs');
    mkdirSync(logs);
  });

  it(`codecs + writeIni: ${STRINGS} strings in 4 places, ${STRINGS / PER_CONFIG} configs, zero mismatches`, async () => {
    for (const s of strings) codec.push(codecVerdicts(s, logs));
    const files: string[] = [];
    const groups: Expectation[][] = [];
    chunks(strings.map((s, index) => ({ s, index })), PER_CONFIG).forEach((chunk, n) => {
      const sections: IniWriteSection[] = [];
      const senv: Array<[string, string]> = [];
      const group: Expectation[] = [];
      const programs: IniWriteSection[] = [];
      for (const { s, index } of chunk) {
        const v = codec[index]!;
        const e: Expectation = { index, s, uses: {} };
        for (const use of USES) {
          if (v[use].ok) {
            codecTally.accepted[use]++;
            e.uses[use] = true;
          } else codecTally.refused[use]++;
        }
        if (v.supervisordEnv.ok) senv.push([`S${index}`, s]);
        const entries = [{ key: 'command', value: v.argv.ok ? v.argv.text : '/bin/true' }];
        if (v.env.ok) entries.push({ key: 'environment', value: v.env.text });
        if (v.logfile.ok) entries.push({ key: 'stdout_logfile', value: v.logfile.text });
        programs.push({ name: `program:p${index}`, entries });
        group.push(e);
      }
      // Every value was accepted on its own; together on one line they must be too.
      const all = environmentCodec.format(senv);
      assert.ok(all.ok, `chunk ${n}: [supervisord] environment refused as a whole: ${all.ok ? '' : all.message}`);
      sections.push({ name: 'supervisord', entries: senv.length ? [{ key: 'environment', value: escapePercent(all.value, 2) }] : [] });
      sections.push(...programs);
      const path = join(dir, `codec-${n}.conf`);
      writeFileSync(path, writeIni({ sections }));
      files.push(path);
      groups.push(group);
    });
    const results = await oracleParseMany(files);
    results.forEach((r, n) => compare(r, groups[n]!, logs, codecTally, `codec-${n}.conf`));
    report('codecs', codecTally);
    for (const use of USES) {
      assert.ok(codecTally.accepted[use] > 0, `${use}: nothing accepted`);
      assert.ok(codecTally.refused[use] > 0, `${use}: nothing refused (the alphabet should make some values impossible)`);
    }
    assert.deepEqual(codecTally.mismatches.slice(0, 20), []);
  });

  it('generator: the same strings from workers files, refused with a located reason or read back exactly', async () => {
    const badPositions: string[] = [];
    for (const s of strings) {
      const file = 'w.yaml';
      const loaded = loadWorkers(oneStringYaml(s), file, { vars: { logs } });
      const verdict = {} as Record<Use, Verdict>;
      const diags = [...loaded.diagnostics];
      if (loaded.model) diags.push(...buildDocument(loaded.model).diagnostics);
      for (const use of USES) {
        const mine = diags.filter((d) => USE_LINES[use].includes(d.line));
        verdict[use] = mine.length ? { ok: false, reason: mine.map((d) => d.message).join('; ') } : { ok: true, text: '' };
      }
      for (const d of diags) {
        if (d.file !== file || !Object.values(USE_LINES).some((ls) => ls.includes(d.line)) || d.column < 1) {
          badPositions.push(`${JSON.stringify(s)}: ${d.file}:${d.line}:${d.column}: ${d.message}`);
        }
      }
      if (!loaded.model) for (const use of USES) if (verdict[use].ok) verdict[use] = { ok: false, reason: 'not loaded' };
      // as on the codec path: a `/` would name a folder that does not exist (a host check, not ours)
      if (s.includes('/') || s.includes('\0')) verdict.logfile = { ok: false, reason: 'not a file name' };
      gen.push(verdict);
    }
    assert.deepEqual(badPositions.slice(0, 10), [], 'every refusal points at the value that causes it');

    // Accepted uses, many per file, generated and read by supervisord.
    const files: string[] = [];
    const groups: Expectation[][] = [];
    chunks(strings.map((s, index) => ({ s, index })), PER_CONFIG).forEach((chunk, n) => {
      const lines = ['version: 1', 'supervisord:', '  environment:'];
      const programLines = ['programs:'];
      const group: Expectation[] = [];
      let senv = 0;
      for (const { s, index } of chunk) {
        const v = gen[index]!;
        const e: Expectation = { index, s, uses: {} };
        for (const use of USES) {
          if (v[use].ok) {
            genTally.accepted[use]++;
            e.uses[use] = true;
          } else genTally.refused[use]++;
        }
        const l = literal(s);
        if (v.supervisordEnv.ok) {
          lines.push(`    S${index}: ${l}`);
          senv++;
        }
        programLines.push(`  p${index}:`, `    command: ${v.argv.ok ? `["/bin/echo", ${l}]` : '/bin/true'}`);
        if (v.env.ok) programLines.push(`    environment: {V: ${l}}`);
        if (v.logfile.ok) programLines.push(`    stdout_logfile: "\${logs}/L-${l.slice(1, -1)}.log"`);
        group.push(e);
      }
      if (senv === 0) lines.splice(1, 2);
      const text = [...lines, ...programLines, ''].join('\n');
      const loaded = loadWorkers(text, `gen-${n}.yaml`, { vars: { logs } });
      assert.deepEqual(loaded.diagnostics, [], `gen-${n}.yaml does not load`);
      let ini: string;
      try {
        ini = generate(loaded.model!);
      } catch (e) {
        assert.fail(`gen-${n}.yaml: values accepted one by one are refused together: ${(e as Error).message.slice(0, 2000)}`);
      }
      const path = join(dir, `gen-${n}.conf`);
      writeFileSync(path, ini);
      files.push(path);
      groups.push(group);
    });
    const results = await oracleParseMany(files);
    results.forEach((r, n) => compare(r, groups[n]!, logs, genTally, `gen-${n}.conf`));
    report('generator', genTally);
    for (const use of USES) {
      assert.ok(genTally.accepted[use] > 0, `${use}: nothing accepted`);
      assert.ok(genTally.refused[use] > 0, `${use}: nothing refused`);
    }
    assert.deepEqual(genTally.mismatches.slice(0, 20), []);
  });

  it('the generator refuses exactly the strings the codecs refuse (no needless refusals, no leaks)', () => {
    const differ: string[] = [];
    strings.forEach((s, i) => {
      for (const use of USES) {
        const c = codec[i]![use];
        const g = gen[i]![use];
        if (c.ok !== g.ok) {
          differ.push(`${use} ${JSON.stringify(s)}: codecs ${c.ok ? 'accept' : `refuse (${c.reason})`}, generator ${g.ok ? 'accepts' : `refuses (${g.reason})`}`);
        }
      }
    });
    if (differ.length) console.log(`generate property: ${differ.length} verdicts differ, e.g.\n  ${differ.slice(0, 8).join('\n  ')}`);
    assert.deepEqual(differ.slice(0, 8), []);
  });
});

function report(label: string, t: Tally): void {
  const row = (u: Use) => `${u}=${t.accepted[u]}/${t.refused[u]}`;
  console.log(`generate property (${label}): accepted/refused ${USES.map(row).join(' ')}; mismatches ${t.mismatches.length}`);
  if (t.mismatches.length) console.log('  ' + t.mismatches.slice(0, 10).join('\n  '));
}
