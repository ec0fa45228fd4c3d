#!/usr/bin/env node
// Reality check: lint (with --host) and dry-run every supervisord config in a folder, each
// copied alone into an empty temp folder (as supervisord's verdicts were made), and compare the
// lint verdict with supervisord's when a verdicts file is given.
//   node scripts/corpus-check.mjs ../shared/corpus/real [../shared/corpus/verdicts-supervisord-4.2.5.tsv]
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const [folder, verdictsPath] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node scripts/corpus-check.mjs FOLDER [VERDICTS.tsv]');
  process.exit(2);
}
const cli = resolve('dist/src/cli/main.js');
const verdicts = new Map();
if (verdictsPath) {
  for (const line of readFileSync(verdictsPath, 'utf8').split('\n').slice(1)) {
    const [file, , verdict, error] = line.split('\t');
    if (file) verdicts.set(file, { refused: verdict === 'refused', error: error ?? '' });
  }
}

const files = readdirSync(folder).filter((f) => f.endsWith('.conf') || f.endsWith('.ini')).sort();
const tally = { files: 0, agree: 0, disagree: 0, crashes: 0, fragments: 0, errors: 0, warnings: 0, runRefused: 0, runOk: 0 };
const rows = [];
for (const name of files) {
  const dir = mkdtempSync(join(tmpdir(), 'gs-corpus-'));
  try {
    copyFileSync(join(folder, name), join(dir, name));
    const lint = spawnSync(process.execPath, [cli, 'lint', '--host', '--format', 'json', name], { cwd: dir, encoding: 'utf8' });
    const dry = spawnSync(process.execPath, [cli, 'run', '--dry-run', name], { cwd: dir, encoding: 'utf8' });
    tally.files++;
    if (lint.status === 3 || dry.status === 3 || lint.status === null) {
      tally.crashes++;
      rows.push(`CRASH ${name}\n${lint.stderr}${dry.stderr}`);
      continue;
    }
    if (dry.status === 2) tally.runRefused++;
    else if (dry.status === 0) tally.runOk++;
    let diagnostics = [];
    try {
      diagnostics = JSON.parse(lint.stdout);
    } catch {
      tally.crashes++;
      rows.push(`BAD JSON ${name}: ${lint.stdout.slice(0, 200)}`);
      continue;
    }
    const errors = diagnostics.filter((d) => d.severity === 'error');
    tally.errors += errors.length;
    tally.warnings += diagnostics.length - errors.length;
    const v = verdicts.get(name);
    if (!v) continue;
    const fragmentCase = v.error.includes('does not include supervisord section');
    if (fragmentCase) tally.fragments++;
    // A fragment is linted as a fragment: it agrees when it has no error of its own, or when
    // supervisord's error would also be the missing section only.
    const ourRefusal = errors.length > 0;
    const agree = fragmentCase ? true : ourRefusal === v.refused;
    if (agree) tally.agree++;
    else {
      tally.disagree++;
      rows.push(`DISAGREE ${name}: supervisord ${v.refused ? 'refused: ' + v.error : 'accepted'}; lint ${ourRefusal ? errors.map((e) => `${e.line}:${e.column} ${e.message}`).join(' | ') : 'no error'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
for (const r of rows) console.log(r);
console.log(JSON.stringify(tally));
process.exitCode = tally.crashes || tally.disagree ? 1 : 0;
