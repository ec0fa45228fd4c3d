import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RotatingFile } from '../../../src/runner/host/rotating-file.js';
import {
  autoChildLogPattern, childLogPaths, clearAutoChildLogs, createAutoChildLog, openChildLogs, outputRecorder,
} from '../../../src/runner/host/child-log.js';
import { startChild } from '../../../src/runner/host/child.js';
import type { LogSpec } from '../../../src/config/types.js';
import { tempDir } from '../../support/tmp.js';

const files = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).sort().map((n) => [n, readFileSync(join(dir, n), 'utf8')]));

const spec = (over: Partial<LogSpec> = {}): LogSpec => ({
  file: null, maxbytes: 0, backups: 0, syslog: false, captureMaxbytes: 0, eventsEnabled: false, ...over,
});

test('rotation after a write that reaches maxbytes, backups shifted (same files as supervisord)', () => {
  const dir = tempDir('gs-rot-');
  const f = new RotatingFile(join(dir, 'x.log'), { maxbytes: 10, backups: 2 });
  for (const w of ['aaaa', 'bbbbbbb', 'cc', 'dddddddddddd', 'e', 'ffffffffff']) f.write(w);
  f.close();
  // what supervisor.loggers.RotatingFileHandler leaves for the same writes
  assert.deepEqual(files(dir), { 'x.log': '', 'x.log.1': 'effffffffff', 'x.log.2': 'ccdddddddddddd' });
});

test('backups=0 truncates in place; maxbytes=0 never rotates; an existing file is appended to', () => {
  const dir = tempDir('gs-rot-');
  const t = new RotatingFile(join(dir, 't.log'), { maxbytes: 5, backups: 0 });
  for (const w of ['abc', 'def', 'g']) t.write(w);
  t.close();
  const n = new RotatingFile(join(dir, 'n.log'), { maxbytes: 0, backups: 3 });
  for (const w of ['abc', 'def', 'g']) n.write(w);
  n.close();
  writeFileSync(join(dir, 'e.log'), '123456789');
  const e = new RotatingFile(join(dir, 'e.log'), { maxbytes: 10, backups: 1 });
  e.write('0');
  e.write('new');
  e.close();
  assert.deepEqual(files(dir), { 'e.log': 'new', 'e.log.1': '1234567890', 'n.log': 'abcdefg', 't.log': 'g' });
});

test('reopen keeps appending to the same path', () => {
  const dir = tempDir('gs-rot-');
  const f = new RotatingFile(join(dir, 'r.log'), { maxbytes: 0, backups: 0 });
  f.write('a');
  f.reopen();
  f.write('b');
  f.close();
  f.write('ignored after close');
  assert.equal(readFileSync(join(dir, 'r.log'), 'utf8'), 'ab');
});

test('AUTO names: <name>-<channel>---<identifier>-<8 chars>.log, mode 0600, removed by the cleanup', () => {
  const dir = tempDir('gs-auto-');
  const p = createAutoChildLog(dir, 'web_0', 'stdout', 'supervisor');
  assert.match(p, /\/web_0-stdout---supervisor-[a-z0-9_]{8}\.log$/);
  assert.equal(statSync(p).mode & 0o777, 0o600);
  const paths = childLogPaths(
    { name: 'api', stdout: spec({ file: 'AUTO' }), stderr: spec({ file: 'AUTO' }), redirectStderr: false },
    { childlogdir: dir, identifier: 'supervisor', cwd: '/' },
  );
  assert.match(paths.stderr!, /\/api-stderr---supervisor-[a-z0-9_]{8}\.log$/);
  const redirected = childLogPaths(
    { name: 'r', stdout: spec({ file: 'rel/out.log' }), stderr: spec({ file: 'AUTO' }), redirectStderr: true },
    { childlogdir: dir, identifier: 'supervisor', cwd: '/srv' },
  );
  assert.deepEqual(redirected, { stdout: '/srv/rel/out.log', stderr: null });
  writeFileSync(join(dir, 'keep.log'), '');
  writeFileSync(join(dir, 'web-stdout---other-abcdefgh.log'), '');
  writeFileSync(join(dir, 'web-stdout---supervisor-abcdefgh.log.3'), '');
  assert.ok(autoChildLogPattern('supervisor').test('a-stdout---supervisor-v4lsl0fg.log'));
  const r = clearAutoChildLogs(dir, 'supervisor');
  assert.equal(r.removed.length, 4);
  assert.deepEqual(readdirSync(dir).sort(), ['keep.log', 'web-stdout---other-abcdefgh.log']);
});

test('openChildLogs: a log that cannot be opened is supervisord\'s spawnerr', () => {
  const r = openChildLogs({ name: 'web', stdout: spec({ file: '/x' }), stderr: spec() }, { stdout: '/nonexistent/dir/out.log', stderr: null });
  assert.deepEqual(r, { ok: false, message: "unknown error making dispatchers for 'web': ENOENT" });
});

test('outputRecorder: strip_ansi, NONE, and the DEBG copy', () => {
  const dir = tempDir('gs-rec-');
  const file = new RotatingFile(join(dir, 'o.log'), { maxbytes: 0, backups: 0 });
  const debug: string[] = [];
  const rec = outputRecorder({ processName: 'web', channel: 'stdout', file, stripAnsi: true, debug: (m) => debug.push(m) });
  rec(Buffer.from('\x1b[31mred\x1b[0m plain\n'));
  rec(Buffer.from([0xff, 0x0a]));
  file.close();
  assert.equal(readFileSync(join(dir, 'o.log'), 'latin1'), 'red plain\n\xff\n');
  assert.deepEqual(debug, ["'web' stdout output:\nred plain\n", "'web' stdout output:\nUndecodable: b'\\xff\\n'"]);
  const none = outputRecorder({ processName: 'web', channel: 'stderr', file: null, stripAnsi: false });
  none(Buffer.from('dropped'));
});

test('a child writing 50 MB fast: files stay within bounds, other children are not held up', async () => {
  const dir = tempDir('gs-flood-');
  const maxbytes = 1024 * 1024;
  const logs = openChildLogs(
    { name: 'flood', stdout: spec({ maxbytes, backups: 2 }), stderr: spec() },
    { stdout: join(dir, 'flood.log'), stderr: null },
  );
  assert.ok(logs.ok);
  let largest = 0;
  let read = 0;
  const record = outputRecorder({ processName: 'flood', channel: 'stdout', file: logs.logs.stdout, stripAnsi: false });
  const started = Date.now();
  // the longest the event loop went without running a timer while the flood was read
  let last = Date.now();
  let worstGap = 0;
  const ticker = setInterval(() => {
    const now = Date.now();
    worstGap = Math.max(worstGap, now - last);
    last = now;
  }, 5);
  const exit = new Promise<unknown>((resolve) => {
    const r = startChild('flood', {
      file: '/bin/sh', argv: ['sh', '-c', 'head -c 50000000 /dev/zero | tr "\\0" x'], env: { PATH: '/usr/bin:/bin' },
      directory: null, umask: null, uid: null, redirectStderr: false,
      onStdout: (c) => {
        largest = Math.max(largest, c.length);
        read += c.length;
        record(c);
      },
      onStderr: () => undefined,
      onExit: () => undefined,
      onOutputEnd: () => resolve(null),
    });
    assert.ok(r.ok);
  });
  // a second, quick child gets its turn while the flood runs
  const quick = new Promise<number>((resolve) => {
    const r = startChild('quick', {
      file: '/bin/echo', argv: ['echo', 'hi'], env: {}, directory: null, umask: null, uid: null, redirectStderr: false,
      onStdout: () => undefined, onStderr: () => undefined, onExit: () => resolve(Date.now() - started),
    });
    assert.ok(r.ok);
  });
  const quickMs = await quick;
  await exit;
  clearInterval(ticker);
  logs.logs.close();
  const names = readdirSync(dir).sort();
  assert.deepEqual(names, ['flood.log', 'flood.log.1', 'flood.log.2']);
  for (const n of names) assert.ok(statSync(join(dir, n)).size <= maxbytes + largest, `${n} within bounds`);
  assert.ok(statSync(join(dir, 'flood.log.1')).size >= maxbytes);
  const total = names.reduce((t, n) => t + statSync(join(dir, n)).size, 0);
  assert.ok(total <= 3 * (maxbytes + largest));
  assert.equal(read, 50_000_000);
  assert.ok(quickMs < 2000, `quick child reaped after ${quickMs} ms`);
  assert.ok(worstGap < 250, `event loop held for ${worstGap} ms`);
});
