// Exit 3: an internal error prints the version and a stack and asks for a report. No input a
// user can give reaches it through the binary (every failure found so far is a UserError), so
// this drives main() in-process through its injected CliIo, whose stdout fails the way a closed
// stream does: an error that is not the user's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../src/cli/program.js';
import type { CliIo } from '../../src/cli/io.js';
import { STACK_LINE, VERSION } from './support.js';

function io(stdout: (s: string) => void): CliIo & { err: string } {
  const box = {
    err: '',
    stdout,
    stderr: (s: string) => void (box.err += s),
    env: {},
    cwd: process.cwd(),
    color: false,
  };
  return box;
}

test('internal error: exit 3 with the version, the message and a stack', async () => {
  const sink = io(() => {
    throw new Error('EPIPE: the reader went away');
  });
  const code = await main(['schema'], sink);
  assert.equal(code, 3);
  assert.match(sink.err, new RegExp(`^gen-supervisor ${VERSION.replace(/\./g, '\\.')}: internal error \\(a bug; please report it`));
  assert.match(sink.err, /Error: EPIPE: the reader went away/);
  assert.match(sink.err, STACK_LINE);
});

test('internal error: a user error on the same path is exit 2 without a stack', async () => {
  const sink = io(() => {});
  const code = await main(['lint', '-f', 'xml', 'x.conf'], sink);
  assert.equal(code, 2);
  assert.equal(sink.err, '--format xml: expected one of stylish, json, sarif, github\n');
});
