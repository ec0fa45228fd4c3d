#!/usr/bin/env node
// Writes docs/rules/*.md from the rules themselves (run after `tsc`). `--check` exits 1 when a
// page is out of date instead of writing it.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { RULES } = await import(join(root, 'dist/src/lint/registry.js'));
const { renderAllRuleDocs } = await import(join(root, 'dist/src/lint/docs.js'));

const check = process.argv.includes('--check');
const pages = renderAllRuleDocs(RULES);
const stale = [];
mkdirSync(join(root, 'docs/rules'), { recursive: true });
for (const [rel, text] of pages) {
  const abs = join(root, rel);
  const old = existsSync(abs) ? readFileSync(abs, 'utf8') : null;
  if (old === text) continue;
  stale.push(rel);
  if (!check) writeFileSync(abs, text);
}
for (const name of readdirSync(join(root, 'docs/rules'))) {
  const rel = `docs/rules/${name}`;
  if (name.endsWith('.md') && !pages.has(rel)) {
    stale.push(`${rel} (no such rule)`);
    if (!check) rmSync(join(root, rel));
  }
}
if (check && stale.length) {
  console.error(`out of date (run node scripts/build-rule-docs.mjs):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
if (!check) console.log(`${pages.size} pages in docs/rules (${stale.length} updated)`);
