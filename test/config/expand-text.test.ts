// Resolver.expandText prints most values from the pieces specifiers() read once, without
// expand(); on 4,000 seeded templates it must give expand()'s answer exactly (value, failure,
// message), which the codec tests compare with Python's own `%` operator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expand, expansionNames, formatExpansionError } from '../../src/codecs/expansion.js';
import { Resolver } from '../../src/config/context.js';
import { LayeredNames } from '../../src/config/names.js';
import { mergeIni, readIni } from '../../src/ini/index.js';
import { rng as seeded } from '../support/random.js';

const PARTS = ['%(a)s', '%(n)d', '%(n)05d', '%(n)-4d|', '%(a)r', '%(a)-6s', '%(a)5.2s', '%(n)x', '%(n)#o', '%(n)c', '%(big)c', '%(n)+.3d', '%(n).2f', '%(a)d', '%%', '%%%%', 'lit', ' ', '/', '%(missing)s', '%', '%(n)*d', '%s', '%(ENV_X)s', '%(ENV_NOPE)s', 'é', '😀', '%(uni)s', '%(a', '%(a)', '%(a)%', '%(n)ld', '%(a)y'];

test('expandText equals expand() on seeded templates', () => {
  const ini = mergeIni([readIni('[supervisord]\n', 'x.conf')]);
  const rng = seeded(2026);
  let fast = 0;
  for (const lenient of [false, true]) {
    const r = new Resolver(ini, { env: { X: 'x%' }, hostname: 'h', cwd: '/tmp', host: !lenient, allowFragment: true }, 'x.conf', '/tmp');
    const own = { a: 'A b', n: 7, big: 0x110000, uni: 'ü😀' };
    const names = new LayeredNames([own, r.envNames], () => ({ ...own, ...r.envNames }));
    const dict = names.all();
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + Math.floor(rng() * 4) }, () => PARTS[Math.floor(rng() * PARTS.length)]).join('');
      const got = r.expandText(text, names, 'k', { file: 'x.conf', line: 1, column: 1 }, '', lenient, true);
      const used = { ...dict };
      let tainted = false;
      if (lenient && expansionNames(text).includes('ENV_NOPE')) {
        used.ENV_NOPE = '${NOPE}';
        tainted = true;
      }
      const want = expand(text, used);
      if (want.ok) {
        fast++;
        assert.deepEqual(got, { ok: true, value: want.value, tainted }, text);
      } else {
        assert.equal(got.ok, false, text);
        assert.equal(got.value, text);
      }
    }
    // the failures are reported with expand()'s message
    const bad = r.expandText('%(n)y', names, 'k', { file: 'x.conf', line: 1, column: 1 });
    assert.equal(bad.ok, false);
    assert.equal(r.diagnostics.at(-1)?.message, formatExpansionError('%(n)y', 'k', expand('%(n)y', dict) as never, Object.keys(dict)));
  }
  assert.ok(fast > 1000, `only ${fast} templates expanded`);
});
