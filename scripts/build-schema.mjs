#!/usr/bin/env node
// Writes schemas/workers.schema.json from the compiled catalogue (run after `tsc`).
// `--check` exits 1 when the committed file differs from what the catalogue gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { schemaJson } = await import(new URL('../dist/src/workers/schema-json.js', import.meta.url).href);
const target = `${root}schemas/workers.schema.json`;
const text = schemaJson();

if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(target, 'utf8'); } catch { /* missing counts as different */ }
  if (current !== text) {
    console.error('schemas/workers.schema.json is out of date: run node scripts/build-schema.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
