// Every ok golden fixture, parsed by supervisord 4.2.5 itself: accepted, and each value means
// what it meant in the YAML (commands, argv, environment, paths with literal %).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkers } from '../../src/workers/load.js';
import type { ModelOption, ProcessModel } from '../../src/workers/model.js';
import { segments, hasExpansion, literalText } from '../../src/generate/percent.js';
import { FIXTURE_ENV, FIXTURES, expectedPath, fixtureNames } from './golden-support.js';
import { askOracle, pythonShlexSplit, type OracleProcess, type OracleResult } from './oracle-support.js';

const names = fixtureNames('ok');
const dir = mkdtempSync(join(tmpdir(), 'gen-supervisor-oracle-'));
for (const file of names) writeFileSync(join(dir, file.replace(/\.\w+$/, '.conf')), readFileSync(expectedPath('ok', file)));
const results = askOracle(names.map((f) => ({ path: join(dir, f.replace(/\.\w+$/, '.conf')), env: FIXTURE_ENV })));

/** The literal text a YAML string means, or null when it holds an expansion. */
function literal(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const segs = segments(value);
  return segs.ok && !hasExpansion(segs.value) ? literalText(segs.value) : null;
}

function processOf(result: OracleResult, p: ProcessModel): OracleProcess | undefined {
  return result.groups?.flatMap((g) => g.processes).find((q) => q.name === p.name);
}

function checkProcess(q: OracleProcess, p: ProcessModel, argvChecks: Array<[string, string[]]>): void {
  const o = p.options;
  const cmd = o.command!.value;
  if (Array.isArray(cmd)) {
    if (cmd.every((w) => literal(String(w)) !== null)) argvChecks.push([q.command, cmd.map((w) => literal(String(w))!)]);
  } else if (literal(cmd) !== null) assert.equal(q.command, literal(cmd)!.trim(), `${p.name}: command`);
  for (const key of ['directory', 'stdout_logfile', 'stderr_logfile'] as const) {
    const text = literal(o[key]?.value);
    if (text !== null && text.startsWith('/')) assert.equal(q[key], text, `${p.name}: ${key}`);
  }
  const env = o.environment as ModelOption | undefined;
  if (env) {
    for (const [k, v] of Object.entries(env.value as Record<string, string>)) {
      if (literal(v) !== null) assert.equal(q.environment[k], literal(v), `${p.name}: environment ${k}`);
    }
  }
}

names.forEach((file, i) => {
  test(`supervisord accepts ok/${file} and reads the same values`, () => {
    const result = results[i]!;
    assert.equal(result.message, null);
    assert.equal(result.accepted, true);
    const { model } = loadWorkers(readFileSync(`${FIXTURES}ok/${file}`, 'utf8'), file, { env: FIXTURE_ENV });
    const argvChecks: Array<[string, string[]]> = [];
    let checked = 0;
    for (const p of model!.processes) {
      const q = processOf(result, p);
      if (!q) continue;
      checkProcess(q, p, argvChecks);
      checked++;
    }
    const split = pythonShlexSplit(argvChecks.map(([c]) => c));
    argvChecks.forEach(([, argv], k) => assert.deepEqual(split[k], argv));
    const envOpt = model!.supervisord.environment;
    if (envOpt) {
      for (const [k, v] of Object.entries(envOpt.value as Record<string, string>)) {
        if (literal(v) !== null) assert.equal(result.supervisord!.environment![k], literal(v));
      }
    }
    assert.ok(checked > 0 || model!.processes.every((p) => p.options.process_name || p.options.numprocs));
  });
});

test('the fixture with expansions keeps them for supervisord', () => {
  const result = results[names.indexOf('percent.yaml')]!;
  const all = result.groups!.flatMap((g) => g.processes);
  const dates = all.find((q) => q.name === 'dates')!;
  assert.equal(dates.command, '/bin/date +%s --label=100%');
  assert.equal(dates.stdout_logfile, '/tmp/dates-100%.log');
  assert.equal(dates.stderr_logfile, '/tmp/dates-00.err');
  assert.equal(dates.directory, dir);
  const lit = all.find((q) => q.name === 'literal')!;
  assert.match(lit.command, /^\/bin\/echo %\(program_name\)s is kept as text on \S+$/);
  assert.equal(lit.stdout_logfile, '/tmp/literal.log');
});

test('the [supervisord] environment survives both expansion passes', () => {
  const result = results[names.indexOf('supervisord-env.yaml')]!;
  assert.deepEqual(result.supervisord!.environment, { DISCOUNT: '50% off', SHARED: '/tmp/shared' });
});
