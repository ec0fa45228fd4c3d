import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAllRuleDocs } from '../../src/lint/docs.js';
import { RULES } from '../../src/lint/registry.js';
import { ROOT } from './support.js';

test('docs/rules is up to date (node scripts/build-rule-docs.mjs)', () => {
  for (const [rel, text] of renderAllRuleDocs(RULES)) {
    const abs = join(ROOT, rel);
    assert.ok(existsSync(abs), `${rel} is missing`);
    assert.equal(readFileSync(abs, 'utf8'), text, `${rel} is out of date`);
  }
});

test('rules: stable kebab-case ids, unique, with description, severity and docs', () => {
  const ids = new Set<string>();
  for (const r of RULES) {
    assert.match(r.id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    assert.ok(!ids.has(r.id), `duplicate id ${r.id}`);
    ids.add(r.id);
    assert.ok(r.description.length > 10 && !r.description.includes('\n'), r.id);
    assert.ok(r.severity === 'error' || r.severity === 'warning');
    assert.ok(r.docs.length > 80, `${r.id}: docs too short`);
  }
});

test('warning rules show a bad and a good example', () => {
  for (const r of RULES) {
    if (r.severity !== 'warning') continue;
    assert.match(r.docs, /Bad[^\n]*:\n```/, r.id);
    assert.match(r.docs, /Good[^\n]*:\n```/, r.id);
  }
});
