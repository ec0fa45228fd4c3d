import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dirPathCodec, entryPointCodec, existingDirCodec, globListCodec, parseUserGroup, pathCodec, pySplit,
  stringCodec, userCodec, userGroupCodec,
} from '../../src/codecs/simple.js';

test('text codecs keep the text and refuse what an INI value cannot carry', () => {
  for (const c of [stringCodec, pathCodec, userCodec, dirPathCodec, entryPointCodec]) {
    assert.deepEqual(c.parse('a b'), { ok: true, value: 'a b' });
    assert.deepEqual(c.format('x;y'), { ok: true, value: 'x;y' });
    assert.equal(c.format('x ;y').ok, false);
    assert.equal(c.format('x\ny').ok, false);
    assert.equal(c.format(' x').ok, false);
  }
});

test('existingdir: empty can never exist', () => {
  assert.deepEqual(existingDirCodec.parse(''), { ok: false, message: ' is not an existing directory' });
  assert.deepEqual(existingDirCodec.parse('/tmp'), { ok: true, value: '/tmp' });
});

test('parseUserGroup splits at the first colon', () => {
  assert.deepEqual(parseUserGroup('www'), { user: 'www', group: null });
  assert.deepEqual(parseUserGroup('www:adm'), { user: 'www', group: 'adm' });
  assert.deepEqual(parseUserGroup('a:b:c'), { user: 'a', group: 'b:c' });
  assert.deepEqual(userGroupCodec.format({ user: 'www', group: 'adm' }), { ok: true, value: 'www:adm' });
  assert.equal(userGroupCodec.format({ user: 'a:b', group: null }).ok, false);
});

test('globlist splits on whitespace like str.split()', () => {
  assert.deepEqual(pySplit(' a\tb\u3000c  '), ['a', 'b', 'c']);
  assert.deepEqual(globListCodec.parse('conf.d/*.conf  other/*.ini'), { ok: true, value: ['conf.d/*.conf', 'other/*.ini'] });
  assert.deepEqual(globListCodec.format(['a/*.conf', 'b.ini']), { ok: true, value: 'a/*.conf b.ini' });
  assert.equal(globListCodec.format(['a b']).ok, false);
});
