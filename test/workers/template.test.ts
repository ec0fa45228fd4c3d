import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTemplate } from '../../src/workers/template.js';
import { closest, levenshtein } from '../../src/workers/suggest.js';

const scope = { cliVars: { x: 'cli' }, vars: { x: 'file', y: 'why' }, env: { HOME: '/h', EMPTY: '' } };

test('templates resolve from --var, vars and env', () => {
  assert.deepEqual(applyTemplate('${x}/${y}/${env:HOME}', scope), { ok: true, value: 'cli/why//h' });
  assert.deepEqual(applyTemplate('a${env:EMPTY}b', scope), { ok: true, value: 'ab' });
  assert.deepEqual(applyTemplate('$${x} $$ $x', scope), { ok: true, value: '${x} $$ $x' });
});

test('templates that resolve nowhere fail', () => {
  assert.equal(applyTemplate('${zzz}', scope).ok, false);
  assert.equal(applyTemplate('${env:ZZZ}', scope).ok, false);
  assert.equal(applyTemplate('${x', scope).ok, false);
  assert.equal(applyTemplate('${a b}', scope).ok, false);
});

test('did-you-mean finds plausible typos only', () => {
  assert.equal(levenshtein('kitten', 'sitting'), 3);
  assert.equal(closest('auto_restart', ['autostart', 'autorestart']), 'autorestart');
  assert.equal(closest('COMMAND', ['command']), 'command');
  assert.equal(closest('zzzzzz', ['command', 'user']), null);
});
