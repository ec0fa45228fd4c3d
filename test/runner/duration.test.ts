import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUserError } from '../../src/core/errors.js';
import { parseDuration } from '../../src/runner/duration.js';

test('parseDuration: units and plain seconds', () => {
  assert.equal(parseDuration('30s'), 30);
  assert.equal(parseDuration('2m'), 120);
  assert.equal(parseDuration('1h'), 3600);
  assert.equal(parseDuration('1500ms'), 1.5);
  assert.equal(parseDuration('45'), 45);
  assert.equal(parseDuration('2.5s'), 2.5);
  assert.equal(parseDuration(' 3s '), 3);
});

test('parseDuration: a bad duration is a UserError (exit 2)', () => {
  for (const bad of ['', 'abc', '10x', '-5s', '0', '0s', '1h30m', 's', '5 s', 'Infinity']) {
    assert.throws(() => parseDuration(bad), (e: unknown) => isUserError(e) && e.exitCode === 2 && /invalid duration/.test((e as Error).message), bad);
  }
});
