#!/usr/bin/env node
// Where one lint of the big bench config spends its time, phase by phase and rule by rule, in a
// fresh process (cold code, as a user's run is): import, readIni, merge, resolve, each rule,
// finish, format. For finding what to speed up; bench/lint.mjs gives the end-to-end figures.
//
//   node [--no-opt] bench/lint-phases.mjs [--file F.conf] [--host] [--runs N] [--rules K]
// (node flags given to this script are passed to each child: --no-opt is what the bin uses for
// big lints)
//
// Without --file it writes the 16,000-line config of bench/lint.mjs in a temp folder. Each run is
// a fresh child process; the table shows medians (build first: npm run build).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bigConfig } from './lint-config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);

if (args[0] === '--child') {
  // one cold lint, timed phase by phase
  const [file, host] = [args[1], args[2] === 'host'];
  const lib = (p) => import(pathToFileURL(join(root, 'dist/src', p)).href);
  const t0 = performance.now();
  const [{ loadConfig }, { mergeIni }, { runRules, finish }, { RULES, COVERED_REFUSAL_IDS }, { formatterFor }] = await Promise.all([
    lib('config/load.js'),
    lib('ini/merge.js'),
    lib('lint/engine.js'),
    lib('lint/registry.js'),
    lib('formatters/index.js'),
  ]);
  const t1 = performance.now();
  const cwd = dirname(resolve(file));
  const ctx = { env: process.env, hostname: 'bench', cwd, host, allowFragment: true };
  const loaded = loadConfig(basename(file), ctx);
  const t2 = performance.now();
  const ini = loaded.ini && !loaded.hereReplaced ? loaded.ini : mergeIni(loaded.docs);
  const lctx = {
    kind: 'ini', mainFile: basename(file), mode: loaded.result.config?.mode ?? 'full', docs: loaded.docs, ini,
    config: loaded.result.config, refusals: loaded.result.diagnostics, coveredRefusalIds: COVERED_REFUSAL_IDS,
    host, env: process.env, cwd, displayPath: (f) => f,
  };
  const rules = {};
  const found = [];
  for (const rule of RULES) {
    const s = performance.now();
    found.push(...runRules(lctx, [rule]));
    rules[rule.id] = performance.now() - s;
  }
  const t3 = performance.now();
  const sources = Object.fromEntries(loaded.docs.map((d) => [d.file, d.text]));
  const diagnostics = finish(found, sources);
  const t4 = performance.now();
  const text = formatterFor('json')(diagnostics, { cwd, color: false, sources, rules: [], toolName: 'bench', toolVersion: '0' });
  const t5 = performance.now();
  process.stdout.write(JSON.stringify({
    phases: { import: t1 - t0, 'load+resolve': t2 - t1, rules: t3 - t2, finish: t4 - t3, format: t5 - t4, total: t5 - t0 },
    rules,
    diagnostics: diagnostics.length,
    bytes: text.length,
  }));
} else {
  const runs = Number(opt('--runs', 5));
  const top = Number(opt('--rules', 15));
  let dir = null;
  let file = opt('--file', null);
  if (!file) {
    dir = mkdtempSync(join(tmpdir(), 'gs-bench-phases-'));
    mkdirSync(join(dir, 'logs'));
    mkdirSync(join(dir, 'run'));
    file = join(dir, 'big.conf');
    writeFileSync(file, bigConfig(2000));
  }
  try {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', resolve(file), args.includes('--host') ? 'host' : ''], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(r.stderr);
      results.push(JSON.parse(r.stdout));
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    console.log(`${basename(file)}: ${results[0].diagnostics} diagnostics; medians of ${runs} fresh processes (ms)`);
    for (const k of Object.keys(results[0].phases)) console.log(`  ${k.padEnd(14)} ${median(results.map((r) => r.phases[k])).toFixed(1).padStart(7)}`);
    const perRule = Object.keys(results[0].rules).map((id) => [id, median(results.map((r) => r.rules[id]))]).sort((a, b) => b[1] - a[1]);
    console.log(`slowest rules:`);
    for (const [id, ms] of perRule.slice(0, top)) console.log(`  ${id.padEnd(32)} ${ms.toFixed(1).padStart(7)}`);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
