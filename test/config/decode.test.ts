import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeByScan, decodeLikePython } from '../../src/config/decode.js';

const HEAD = Buffer.from('[supervisord]\n');
const bytes = (...parts: Array<string | number[] | Buffer>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

// Messages and positions as CPython 3.11 reports them reading the file in text mode.
const cases: Array<[string, Buffer, string]> = [
  ['lone 0xff', bytes(HEAD, [0xff], '\n'), "byte 0xff in position 14: invalid start byte"],
  ['2 of 3 bytes, then newline', bytes(HEAD, 'x=', [0xe2, 0x82], '\n'), 'bytes in position 16-17: invalid continuation byte'],
  ['2 of 3 bytes at the end', bytes(HEAD, 'x=', [0xe2, 0x82]), 'bytes in position 0-1: unexpected end of data'],
  ['lead then ASCII', bytes(HEAD, 'x=', [0xe2], 'x\n'), 'byte 0xe2 in position 16: invalid continuation byte'],
  ['surrogate', bytes(HEAD, 'x=', [0xed, 0xa0, 0x80], '\n'), 'byte 0xed in position 16: invalid continuation byte'],
  ['overlong', bytes(HEAD, 'x=', [0xc0, 0x80], '\n'), 'byte 0xc0 in position 16: invalid start byte'],
  ['beyond U+10FFFF', bytes(HEAD, 'x=', [0xf4, 0x90, 0x80, 0x80], '\n'), 'byte 0xf4 in position 16: invalid continuation byte'],
  ['second chunk', bytes(HEAD, ';', 'a'.repeat(9000), [0xff], '\n'), 'byte 0xff in position 823: invalid start byte'],
  ['third chunk', bytes(HEAD, ';', 'a'.repeat(20000), [0xff], '\n'), 'byte 0xff in position 3631: invalid start byte'],
  ['character across chunks', bytes(HEAD, ';', 'a'.repeat(8175), [0xe2, 0x82, 0xac], 'b'.repeat(30), [0xff], '\n'), 'byte 0xff in position 33: invalid start byte'],
];

describe('decodeLikePython', () => {
  for (const [name, data, tail] of cases) {
    it(name, () => {
      const r = decodeLikePython(data);
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.message, `'utf-8' codec can't decode ${tail}`);
    });
  }
  it('locates the byte by line and character column', () => {
    const r = decodeLikePython(bytes('[a]\r\nk=é', [0xff]));
    assert.equal(r.ok, false);
    if (!r.ok) assert.deepEqual([r.line, r.column, r.offset], [2, 4, 9]);
  });
  it('decodes valid text unchanged (BOM kept)', () => {
    const r = decodeLikePython(bytes([0xef, 0xbb, 0xbf], '[a]\nk=日本\n'));
    assert.deepEqual(r, { ok: true, text: '\ufeff[a]\nk=日本\n' });
  });
});

describe('the native decoder and the chunked scan', () => {
  it('agree on 3,000 seeded byte strings around UTF-8 boundaries', () => {
    const interesting = [0x41, 0x0a, 0x0d, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xa0, 0x9f, 0x90, 0x8f, 0x82, 0xac];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let valid = 0;
    for (let n = 0; n < 3000; n++) {
      const data = Buffer.from(Array.from({ length: Math.floor(next() * 12) }, () => interesting[Math.floor(next() * interesting.length)]!));
      const fast = decodeLikePython(data);
      assert.deepEqual(fast, decodeByScan(data), data.toString('hex'));
      if (fast.ok) valid++;
    }
    assert.ok(valid > 100, `only ${valid} valid strings`);
  });
});
