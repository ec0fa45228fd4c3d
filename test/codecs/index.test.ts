import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ValueType } from '../../src/catalogue/types.js';
import { codecFor } from '../../src/codecs/index.js';

const ALL = {
  boolean: 'true', integer: '5', bytesize: '1MB', octal: '022', signal: 'TERM', exitcodes: '0,2',
  autorestart: 'unexpected', loglevel: 'info', logfile: 'AUTO', dirpath: '/tmp/x.log',
  existingdir: '/tmp', string: 'x', path: '/x', user: 'root', usergroup: 'root:root', name: 'web',
  stringlist: 'a,b', events: 'TICK_5', inetaddr: '127.0.0.1:9001', environment: 'A="1"',
  command: '/bin/echo hi', fcgisocket: 'tcp://127.0.0.1:9000', entrypoint: 'a.b:c',
  url: 'http://localhost:9001', globlist: 'a/*.conf',
} satisfies Record<ValueType, string>;

test('codecFor has a codec for every ValueType, and each reads back what it writes', () => {
  for (const [type, sample] of Object.entries(ALL) as Array<[ValueType, string]>) {
    const codec = codecFor(type);
    assert.equal(codec.name, type);
    const parsed = codec.parse(sample);
    assert.ok(parsed.ok, `${type}: ${sample}`);
    const written = (codec.format as (v: unknown) => ReturnType<typeof codec.format>)(parsed.value);
    assert.ok(written.ok, `${type} format`);
    assert.deepEqual(codec.parse(written.value), parsed, type);
  }
});
