import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from '../../src/generate/diff.js';

test('equal texts have no diff', () => {
  assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', 'x', 'y'), '');
});

test('a change shows as a hunk with context', () => {
  const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n') + '\n';
  const b = a.replace('5', 'five');
  assert.equal(unifiedDiff(a, b, 'old', 'new'), '--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n');
});

test('far apart changes are separate hunks; a missing file diffs from nothing', () => {
  const a = Array.from({ length: 20 }, (_, i) => `${i}`).join('\n') + '\n';
  const b = a.replace('1\n', 'one\n').replace('18\n', 'eighteen\n');
  assert.equal(unifiedDiff(a, b, 'o', 'n').match(/^@@/gm)!.length, 2);
  assert.equal(unifiedDiff('', 'x\n', 'o', 'n'), '--- o\n+++ n\n@@ -0,0 +1 @@\n+x\n');
});
