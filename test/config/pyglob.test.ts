import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fnmatch, pyGlob, pyJoin, pySplit } from '../../src/config/pyglob.js';
import { tempDir } from '../support/tmp.js';

describe('fnmatch (Python 3.11, POSIX)', () => {
  const cases: Array<[string, string, boolean]> = [
    ['a.conf', '*.conf', true],
    ['a.conf', '*.CONF', false],
    ['.a.conf', '*.conf', true], // fnmatch itself matches dotfiles; glob filters them
    ['ab', 'a?', true],
    ['a', 'a?', false],
    ['b1', '[abc]1', true],
    ['d1', '[!abc]1', true],
    ['a1', '[!abc]1', false],
    [']', '[]]', true],
    ['-', '[a-]', true],
    ['m', '[a-z]', true],
    ['m', '[z-a]', false],
    ['[x', '[x', true],
    ['x/y', '*', true],
    ['a\nb', 'a*b', true],
    ['a^', '[!^]^', true],
    ['^^', '[!^]^', false],
  ];
  for (const [name, pat, expected] of cases) {
    it(`${JSON.stringify(name)} vs ${pat}`, () => assert.equal(fnmatch(name, pat), expected));
  }
});

describe('os.path split and join', () => {
  it('behave like posixpath', () => {
    assert.deepEqual(pySplit('/a/b'), ['/a', 'b']);
    assert.deepEqual(pySplit('/a'), ['/', 'a']);
    assert.deepEqual(pySplit('//a//b/'), ['//a//b', '']);
    assert.equal(pyJoin('/etc', 'x/*.conf'), '/etc/x/*.conf');
    assert.equal(pyJoin('/etc', '/abs'), '/abs');
    assert.equal(pyJoin('/', 'x'), '/x');
  });
});

describe('glob.glob (non-recursive)', () => {
  it('matches per segment, skips hidden names, keeps the spelling', () => {
    const root = tempDir('gs-glob-');
    for (const p of ['d1/a.conf', 'd1/.h.conf', 'd2/b.conf', '.hd/c.conf', 'f.conf']) {
      mkdirSync(join(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), '');
    }
    mkdirSync(join(root, 'd1/sub.conf'));
    const g = (p: string) => pyGlob(join(root, p).replace(/\/$/, p.endsWith('/') ? '/' : '')).sort();
    assert.deepEqual(g('d*/*.conf'), [`${root}/d1/a.conf`, `${root}/d1/sub.conf`, `${root}/d2/b.conf`]);
    assert.deepEqual(g('*/c.conf'), []);
    assert.deepEqual(g('.*/c.conf'), [`${root}/.hd/c.conf`]);
    assert.deepEqual(g('d1/.*'), [`${root}/d1/.h.conf`]);
    assert.deepEqual(g('d1/**'), [`${root}/d1/a.conf`, `${root}/d1/sub.conf`]);
    assert.deepEqual(g('f.conf'), [`${root}/f.conf`]);
    assert.deepEqual(g('nope.conf'), []);
    assert.deepEqual(pyGlob(`${root}/d1/../d2/*.conf`), [`${root}/d1/../d2/b.conf`]);
    assert.deepEqual(pyGlob(`${root}/d*/`).sort(), [`${root}/d1/`, `${root}/d2/`]);
  });
});
