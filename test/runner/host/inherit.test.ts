// What a child inherits, compared with what supervisord 4.2.5's children inherit: SIGPIPE and
// SIGXFSZ ignored and nothing else, no blocked signals, only fds 0-2, and real pipes on them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signalChild } from '../../../src/runner/host/child.js';
import { setShimDisabledForTests } from '../../../src/runner/host/exec-shim.js';
import { drainPipePool } from '../../../src/runner/host/anon-pipes.js';
import { tempDir } from '../../support/tmp.js';
import { run, waitFor } from './support.js';

/** The running program (after the shim's exec): waits until /proc/PID/comm is `comm`. */
async function execd(pid: number, comm: string): Promise<void> {
  await waitFor(() => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm;
    } catch {
      return false;
    }
  });
}

const statusField = (pid: number, name: string): string =>
  new RegExp(`^${name}:\\s*(\\S+)`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]!;

const fdKinds = (pid: number): string[] => [0, 1, 2].map((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`));

test('signals: SIGPIPE and SIGXFSZ ignored, nothing else ignored or blocked (as under supervisord)', async () => {
  const r = run('/usr/bin/sleep', ['sleep', '30']);
  await execd(r.child.pid, 'sleep');
  assert.equal(statusField(r.child.pid, 'SigIgn'), '0000000001001000');
  assert.equal(statusField(r.child.pid, 'SigBlk'), '0000000000000000');
  // argv exact, environment exact (no PWD, SHLVL or anything else added by the shim)
  assert.equal(readFileSync(`/proc/${r.child.pid}/cmdline`, 'utf8'), 'sleep\u000030\u0000');
  assert.equal(readFileSync(`/proc/${r.child.pid}/environ`, 'utf8'), 'PATH=/usr/bin:/bin\u0000');
  signalChild(r.child.pid, 15, false);
  assert.deepEqual(await r.done, { signal: 'SIGTERM' });
});

test('a write to a closed pipe is EPIPE, not death by SIGPIPE', async () => {
  const r = run('/bin/sh', ['sh', '-c', 'yes | head -c 3 >/dev/null'], { redirectStderr: true });
  assert.deepEqual(await r.done, { code: 0 });
  assert.match(r.out(), /yes: standard output: Broken pipe/);
});

test('the environment is installed as given, in order, even names perl itself would read', async () => {
  const env = { PERL5OPT: '-Mnonexistent::module', B: 'x=y', A: '', 'DOT.NAME': 'é ü' };
  const r = run('/usr/bin/sleep', ['sleep', '30'], { env });
  await execd(r.child.pid, 'sleep');
  assert.equal(readFileSync(`/proc/${r.child.pid}/environ`, 'utf8'), 'PERL5OPT=-Mnonexistent::module\0B=x=y\0A=\0DOT.NAME=é ü\0');
  signalChild(r.child.pid, 9, false);
  await r.done;
});

test('stdio are real pipes: /dev/stdout can be opened, and redirect_stderr makes fds 1 and 2 one pipe', async () => {
  const a = run('/bin/sh', ['sh', '-c', 'echo to-stdout > /dev/stdout; echo to-stderr > /proc/self/fd/2; exec sleep 30']);
  await execd(a.child.pid, 'sleep');
  const kinds = fdKinds(a.child.pid);
  for (const k of kinds) assert.match(k, /^pipe:\[\d+\]$/);
  assert.equal(new Set(kinds).size, 3);
  await waitFor(() => a.out() === 'to-stdout\n' && a.err() === 'to-stderr\n');
  signalChild(a.child.pid, 15, false);
  await a.done;

  const b = run('/bin/sh', ['sh', '-c', 'echo one > /dev/stdout; echo two > /dev/stderr; exec sleep 30'], { redirectStderr: true });
  await execd(b.child.pid, 'sleep');
  const [in0, out1, err2] = fdKinds(b.child.pid);
  assert.match(in0!, /^pipe:/);
  assert.equal(out1, err2);
  assert.notEqual(in0, out1);
  await waitFor(() => b.out() === 'one\ntwo\n');
  assert.equal(b.err(), '');
  signalChild(b.child.pid, 15, false);
  await b.done;
});

test('stdin is a pipe the runner keeps open and can write to', async () => {
  const r = run('/bin/sh', ['sh', '-c', 'read line; echo "got $line"; cat >/dev/null; echo eof']);
  assert.ok(r.child.writeStdin('hello\n'));
  await waitFor(() => r.out() === 'got hello\n');
  // not closed by the runner on its own: cat is still waiting
  await new Promise((res) => setTimeout(res, 100));
  assert.equal(r.out(), 'got hello\n');
  r.child.closeStdin();
  assert.deepEqual(await r.done, { code: 0 });
  assert.equal(r.out(), 'got hello\neof\n');
});

test('an exec failure only the child sees: supervisord\'s lines on stderr, exit 127', async () => {
  const dir = tempDir('gs-inherit-');
  const script = join(dir, 'tool');
  mkdirSync(join(dir, 'interp'));
  writeFileSync(script, `#!${join(dir, 'interp')}\n`);
  chmodSync(script, 0o755);
  const r = run(script, ['./tool']);
  assert.deepEqual(await r.done, { code: 127 });
  assert.equal(r.err(), "supervisor: couldn't exec ./tool: EACCES\nsupervisor: child process was not spawned\n");
});

test('fds the runner inherited without close-on-exec do not reach the child', () => {
  const childModule = fileURLToPath(new URL('../../../src/runner/host/child.js', import.meta.url));
  const code = `
    import { readlinkSync } from 'node:fs';
    const { startChild } = await import(${JSON.stringify(childModule)});
    const own = readlinkSync('/proc/self/fd/20');
    let out = '';
    startChild('t', {
      file: '/bin/sh', argv: ['sh', '-c', 'ls /proc/self/fd'], env: {}, directory: null, umask: null, uid: null,
      redirectStderr: true, onStdout: (c) => (out += c), onStderr: () => undefined, onExit: () => undefined,
      onOutputEnd: () => console.log(JSON.stringify({ own, child: out.trim().split('\\n') })),
    });`;
  const r = spawnSync('/bin/bash', ['-c', 'exec 20</dev/null 21>/dev/null; exec "$0" --input-type=module -e "$1"', process.execPath, code], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const seen = JSON.parse(r.stdout) as { own: string; child: string[] };
  assert.equal(seen.own, '/dev/null');
  // `ls` sees its own directory handle (3) too
  assert.deepEqual(seen.child, ['0', '1', '2', '3']);
});

test('without perl: the program is spawned directly (libuv defaults), and still runs', async () => {
  setShimDisabledForTests(true);
  drainPipePool();
  try {
    const r = run('/bin/sh', ['sh', '-c', 'echo "$0"; readlink /proc/self/fd/1'], { redirectStderr: true });
    assert.deepEqual(await r.done, { code: 0 });
    assert.match(r.out(), /^sh\nsocket:\[\d+\]\n$/);
  } finally {
    setShimDisabledForTests(false);
  }
});

test('user= as root: the user\'s supplementary groups from /etc/group, all ids switched, chdir after the switch', async () => {
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':')).filter((f) => f.length >= 4);
  const groups = readFileSync('/etc/group', 'utf8').split('\n').map((l) => l.split(':')).filter((f) => f.length >= 4);
  // a non-root user who is a member of some group (falls back to nobody: primary group only)
  const user = passwd.find((p) => p[2] !== '0' && groups.some((g) => g[3]!.split(',').includes(p[0]!)))
    ?? passwd.find((p) => p[2] === '65534')!;
  const uid = Number(user[2]);
  const expected = [Number(user[3]), ...groups.filter((g) => g[3]!.split(',').includes(user[0]!)).map((g) => Number(g[2]))];
  const r = run('/bin/sh', ['sh', '-c', 'grep -E "^(Uid|Gid|Groups):" /proc/self/status'], { uid, redirectStderr: true });
  const status = await r.done;
  if (process.getuid!() !== 0) {
    assert.deepEqual(status, { code: 127 });
    return;
  }
  assert.deepEqual(status, { code: 0 });
  const lines = r.out().split('\n');
  assert.equal(lines[0], `Uid:\t${uid}\t${uid}\t${uid}\t${uid}`);
  assert.equal(lines[1], `Gid:\t${user[3]}\t${user[3]}\t${user[3]}\t${user[3]}`);
  assert.deepEqual(lines[2]!.replace('Groups:', '').trim().split(/\s+/).map(Number).sort((a, b) => a - b), [...new Set(expected)].sort((a, b) => a - b));
  // a directory only root may enter: supervisord changes directory after switching user
  const dir = tempDir('gs-inherit-');
  chmodSync(dir, 0o700);
  const d = run('/bin/true', ['true'], { uid, directory: dir });
  assert.deepEqual(await d.done, { code: 127 });
  assert.equal(d.err(), `supervisor: couldn't chdir to ${dir}: EACCES\nsupervisor: child process was not spawned\n`);
});
