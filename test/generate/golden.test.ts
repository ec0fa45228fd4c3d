// Golden fixtures: fixtures/generate/ok/NAME.yaml -> NAME.conf, bad/NAME.yaml -> NAME.errors.
// UPDATE_GOLDEN=1 rewrites the expected files from the current output (review the diff!).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expectedPath, fixtureNames, runFixture } from './golden-support.js';

const update = process.env.UPDATE_GOLDEN === '1';

function compare(kind: 'ok' | 'bad', file: string, actual: string): void {
  const path = expectedPath(kind, file);
  if (update) writeFileSync(path, actual);
  assert.ok(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1`);
  assert.equal(actual, readFileSync(path, 'utf8'));
}

test('there are at least 10 fixtures of each kind', () => {
  assert.ok(fixtureNames('ok').length >= 10);
  assert.ok(fixtureNames('bad').length >= 10);
});

for (const file of fixtureNames('ok')) {
  test(`ok/${file} generates its .conf`, () => {
    const { conf, errors } = runFixture('ok', file);
    assert.equal(errors, '', 'an ok fixture must generate');
    compare('ok', file, conf!);
  });
}

for (const file of fixtureNames('bad')) {
  test(`bad/${file} gives its .errors`, () => {
    const { conf, errors } = runFixture('bad', file);
    assert.equal(conf, null, 'a bad fixture must not generate');
    assert.notEqual(errors, '');
    compare('bad', file, errors);
  });
}
