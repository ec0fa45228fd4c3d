#!/usr/bin/env node
// Runs every compiled test file with node's built-in runner. `--unit` leaves out the suites
// that need the real supervisord (test/compat); the full run installs it first when missing.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const unitOnly = args.includes('--unit');
const filters = args.filter((a) => !a.startsWith('--'));
const root = 'dist/test';

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

if (!existsSync(root)) {
  console.error('no compiled tests in dist/test: run `npm run build` first');
  process.exit(1);
}
let files = walk(root);
if (unitOnly) files = files.filter((f) => !f.includes(`${join(root, 'compat')}`));
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
if (!unitOnly && files.some((f) => f.includes(join(root, 'compat')))) {
  const r = spawnSync('bash', ['scripts/ensure-supervisord.sh'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('supervisord 4.2.5 is needed for the compatibility suites and could not be installed');
    process.exit(1);
  }
}
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
