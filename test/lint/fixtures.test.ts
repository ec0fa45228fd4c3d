// Golden fixtures: every rule has fixtures/lint/<id>/bad.* with the diagnostics it must give
// (bad.expected.json, only that rule's) and good.* with none of that rule and no error at all.
// UPDATE_GOLDEN=1 rewrites the expected files (review the diff!).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { isUserError } from '../../src/core/errors.js';
import { lintFiles } from '../../src/lint/lint-files.js';
import { RULES } from '../../src/lint/registry.js';
import { ROOT } from './support.js';

const FIXTURES = join(ROOT, 'fixtures', 'lint');
// The catch-all only carries resolver ids no rule covers: none today (unit-tested in engine.test).
const NO_FIXTURE = new Set(['supervisord-refusal']);

interface FixtureOptions {
  host?: boolean;
  env?: Record<string, string>;
}

function fixtureFile(dir: string, kind: 'bad' | 'good'): string | undefined {
  return readdirSync(dir).find((f) => f.startsWith(`${kind}.`) && !f.endsWith('.expected.json'));
}

function run(dir: string, file: string): Diagnostic[] {
  const optsPath = join(dir, 'options.json');
  const o: FixtureOptions = existsSync(optsPath) ? JSON.parse(readFileSync(optsPath, 'utf8')) : {};
  // A fixed environment, so that messages listing ENV_ names are the same on every machine.
  const env = o.host ? { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root', ...(o.env ?? {}) } : { ...(o.env ?? {}) };
  try {
    return lintFiles([file], { cwd: dir, host: o.host ?? false, env, hostname: 'fixture-host' }).diagnostics;
  } catch (e) {
    if (isUserError(e)) return e.diagnostics;
    throw e;
  }
}

// Absolute paths of included files depend on where the repository lives.
const portable = (ds: Diagnostic[], dir: string) => JSON.parse(JSON.stringify(ds).split(dir).join('<fixture>')) as Diagnostic[];

for (const rule of RULES) {
  if (NO_FIXTURE.has(rule.id)) continue;
  const dir = join(FIXTURES, rule.id);
  test(`${rule.id}: fixtures exist`, () => {
    assert.ok(existsSync(dir), `missing ${dir}`);
    assert.ok(fixtureFile(dir, 'bad'), 'missing bad.*');
    assert.ok(fixtureFile(dir, 'good'), 'missing good.*');
  });
  if (!existsSync(dir)) continue;
  const bad = fixtureFile(dir, 'bad');
  const good = fixtureFile(dir, 'good');
  if (bad) {
    test(`${rule.id}: ${bad} gives the expected diagnostics`, () => {
      const got = portable(run(dir, bad).filter((d) => d.ruleId === rule.id), dir);
      const expectedPath = join(dir, 'bad.expected.json');
      if (process.env.UPDATE_GOLDEN) writeFileSync(expectedPath, JSON.stringify(got, null, 2) + '\n');
      assert.ok(got.length > 0, `${rule.id} does not fire on ${bad}`);
      assert.ok(got.every((d) => d.severity === rule.severity || rule.severity === 'error'), 'severity');
      assert.deepEqual(got, JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
  if (good) {
    test(`${rule.id}: ${good} is clean`, () => {
      const got = run(dir, good);
      assert.deepEqual(got.filter((d) => d.ruleId === rule.id), []);
      assert.deepEqual(got.filter((d) => d.severity === 'error'), []);
    });
  }
}

test('every fixture folder belongs to a rule', () => {
  const ids = new Set(RULES.map((r) => r.id));
  for (const name of readdirSync(FIXTURES)) assert.ok(ids.has(name), `fixtures/lint/${name} has no rule`);
});
