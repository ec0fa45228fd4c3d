import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDisabled, parseDirectives } from '../../src/lint/directives.js';

const text = [
  '[program:a]',
  '; gen-supervisor-disable-next-line unknown-key',
  'auto_restart=true',
  'foo=1 ; gen-supervisor-disable-line unknown-key, duplicate-key -- legacy',
  '# gen-supervisor-disable',
  'bar=2',
  '; gen-supervisor-enable',
  'baz=3',
  'x=a;gen-supervisor-disable-line unknown-key',
].join('\n');

test('directives: next line, this line, blocks, lists, explanations', () => {
  const d = parseDirectives(text);
  assert.deepEqual(d.map((x) => [x.kind, x.line, x.rules]), [
    ['disable-next-line', 2, ['unknown-key']],
    ['disable-line', 4, ['unknown-key', 'duplicate-key']],
    ['disable', 5, []],
    ['enable', 7, []],
  ]);
  assert.equal(isDisabled(d, 3, 'unknown-key'), true);
  assert.equal(isDisabled(d, 3, 'duplicate-key'), false);
  assert.equal(isDisabled(d, 4, 'duplicate-key'), true);
  assert.equal(isDisabled(d, 6, 'anything'), true);
  assert.equal(isDisabled(d, 8, 'anything'), false);
  // `;` without white space before it is not a comment for supervisord: no directive
  assert.equal(isDisabled(d, 9, 'unknown-key'), false);
});
