import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fcgiSocketCodec, inetAddressCodec, urlCodec } from '../../src/codecs/inet.js';
import { compareWithPython } from './oracle.js';
import { rng, pick, randomText } from '../support/random.js';

test('inet address accepts the reference forms', () => {
  assert.deepEqual(inetAddressCodec.parse('9001'), { ok: true, value: { host: '', port: 9001 } });
  assert.deepEqual(inetAddressCodec.parse('LocalHost:9001'), { ok: true, value: { host: 'localhost', port: 9001 } });
  assert.deepEqual(inetAddressCodec.parse('*:9001'), { ok: true, value: { host: '', port: 9001 } });
  assert.deepEqual(inetAddressCodec.parse(':9001'), { ok: true, value: { host: '', port: 9001 } });
  assert.deepEqual(inetAddressCodec.parse('[::1]:9001'), { ok: true, value: { host: '[::1]', port: 9001 } });
});

test('inet address refusals', () => {
  assert.deepEqual(inetAddressCodec.parse('abc'), { ok: false, message: "not a valid port number: 'abc' " });
  assert.deepEqual(inetAddressCodec.parse('0'), { ok: false, message: "not a valid port number: '0' " });
  assert.deepEqual(inetAddressCodec.parse('65536'), { ok: false, message: "not a valid port number: '65536' " });
  assert.deepEqual(inetAddressCodec.parse('localhost'), { ok: false, message: "not a valid port number: 'localhost' " });
  assert.deepEqual(inetAddressCodec.parse('host:'), { ok: false, message: "no port number specified in ''" });
  assert.deepEqual(inetAddressCodec.parse('host:abc'), { ok: false, message: "invalid literal for int() with base 10: 'abc'" });
  assert.deepEqual(inetAddressCodec.parse('host:0'), { ok: false, message: '0 is below lower bound (1)' });
});

test('inet address format round-trips', () => {
  for (const v of [{ host: '', port: 9001 }, { host: '127.0.0.1', port: 80 }, { host: '[::1]', port: 9001 }]) {
    const f = inetAddressCodec.format(v);
    assert.ok(f.ok);
    assert.deepEqual(inetAddressCodec.parse(f.value), { ok: true, value: v });
  }
  assert.equal(inetAddressCodec.format({ host: 'h', port: 0 }).ok, false);
  assert.equal(inetAddressCodec.format({ host: 'Host', port: 1 }).ok, false);
});

test('inet address matches supervisor.datatypes.inet_address on 400 seeded inputs', () => {
  const r = rng(60);
  const inputs = Array.from({ length: 400 }, () => randomText(r, ['9001', '0', '1', 'Local', 'host', ':', '*', ' ', 'a', '[::1]', '65536', '_', '-'], 4));
  assert.deepEqual(compareWithPython('inet_address', inputs, inetAddressCodec.parse, (v) => [v.host, v.port]), []);
});

test('url', () => {
  assert.deepEqual(urlCodec.parse('unix:///tmp/s.sock'), { ok: true, value: 'unix:///tmp/s.sock' });
  assert.deepEqual(urlCodec.parse('http://localhost:9001'), { ok: true, value: 'http://localhost:9001' });
  assert.deepEqual(urlCodec.parse('/tmp/x'), { ok: false, message: "value '/tmp/x' is not a URL" });
});

test('url matches supervisor.datatypes.url on 400 seeded inputs', () => {
  const r = rng(61);
  const inputs = Array.from({ length: 400 }, () => randomText(r, ['http', 'unix', ':', '//', '/', 'h', '?q', '#f', ';p', '[', ']', '::1', '1.2.3.4', '@', ' ', '\t', 'x+y', '9', 'ﬀ', '℀'], 5));
  assert.deepEqual(compareWithPython('url', inputs, urlCodec.parse), []);
});

test('fcgi socket', () => {
  assert.deepEqual(fcgiSocketCodec.parse('unix:///tmp/f.sock'), { ok: true, value: { kind: 'unix', path: '/tmp/f.sock' } });
  assert.deepEqual(fcgiSocketCodec.parse('tcp://Localhost:9000'), { ok: true, value: { kind: 'tcp', host: 'localhost', port: 9000 } });
  assert.deepEqual(fcgiSocketCodec.parse('unix://relative.sock'), { ok: false, message: "('Unix socket path %s is not an absolute path', 'relative.sock')" });
  assert.deepEqual(fcgiSocketCodec.parse('tcp://localhost'), { ok: false, message: "('Bad socket format %s', 'tcp://localhost')" });
  assert.deepEqual(fcgiSocketCodec.parse('tcp://h:0'), { ok: false, message: '0 is below lower bound (1)' });
  for (const v of [{ kind: 'unix', path: '/run/f.sock' }, { kind: 'tcp', host: '127.0.0.1', port: 9000 }] as const) {
    const f = fcgiSocketCodec.format(v);
    assert.ok(f.ok);
    assert.deepEqual(fcgiSocketCodec.parse(f.value), { ok: true, value: v });
  }
  assert.equal(fcgiSocketCodec.format({ kind: 'unix', path: 'rel.sock' }).ok, false);
  assert.equal(fcgiSocketCodec.format({ kind: 'tcp', host: 'a:b', port: 1 }).ok, false);
});

test('fcgi socket matches supervisord parse_fcgi_socket on 400 seeded inputs', () => {
  const r = rng(62);
  const inputs = Array.from({ length: 400 }, () => pick(r, ['unix://', 'tcp://', 'udp://', '']) + randomText(r, ['/', 'tmp', 'h', 'H', ':', '9000', '0', ' ', '\xa0', '٣', '.', 'sock', '\x1c'], 4));
  const toUrl = (v: { kind: 'unix'; path: string } | { kind: 'tcp'; host: string; port: number }) =>
    v.kind === 'unix' ? `unix://${v.path}` : `tcp://${v.host}:${v.port}`;
  // supervisord normalises unix paths (normpath): compare those only on accept/refuse
  const mism = compareWithPython('fcgi', inputs, fcgiSocketCodec.parse, toUrl).filter(
    (m) => !(m.python.ok && (m.ours as { ok: boolean }).ok && String(m.input).startsWith('unix://')),
  );
  assert.deepEqual(mism, []);
});
