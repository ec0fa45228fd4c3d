import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConsoleOutput } from '../../../src/runner/host/console-output.js';

test('lines are prefixed and never mixed mid-line between processes', () => {
  const out: string[] = [];
  const c = new ConsoleOutput({ write: (t) => out.push(t), color: false, names: ['web', 'worker'] });
  c.write('web', Buffer.from('hel'));
  c.write('worker', Buffer.from('one\ntw'));
  c.write('web', Buffer.from('lo\n'));
  c.write('worker', Buffer.from('o\nthree'));
  assert.deepEqual(out, ['worker | one\n', 'web    | hello\n', 'worker | two\n']);
  c.flush('worker');
  assert.equal(out.at(-1), 'worker | three\n');
  c.flushAll();
  assert.equal(out.length, 4);
});

test('a UTF-8 character split across reads stays whole; very long lines are cut', () => {
  const out: string[] = [];
  const c = new ConsoleOutput({ write: (t) => out.push(t), color: false, maxLine: 4 });
  const bytes = Buffer.from('é\n');
  c.write('a', bytes.subarray(0, 1));
  c.write('a', bytes.subarray(1));
  c.write('a', 'abcdefghij');
  assert.deepEqual(out, ['a | é\n', 'a | abcd\na | efgh\n']);
  c.flush('a');
  assert.equal(out.at(-1), 'a | ij\n');
});

test('colour: one per process when on, none when off', () => {
  const out: string[] = [];
  const c = new ConsoleOutput({ write: (t) => out.push(t), color: true, names: ['a', 'b'] });
  c.write('a', 'x\n');
  c.write('b', 'y\n');
  assert.equal(out[0], '\x1b[36ma |\x1b[39m x\n');
  assert.equal(out[1], '\x1b[33mb |\x1b[39m y\n');
});
