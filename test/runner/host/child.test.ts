import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signalChild } from '../../../src/runner/host/child.js';
import { tempDir } from '../../support/tmp.js';
import { run, waitFor } from './support.js';

/** (state, pgrp, session) from /proc/PID/stat, or null once the process is gone. */
function procStat(pid: number): { state: string; pgrp: number; session: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { state: f[0]!, pgrp: Number(f[2]), session: Number(f[3]) };
  } catch {
    return null;
  }
}

test('the child leads its own process group, and a group signal reaches a grandchild', async () => {
  const r = run('/bin/sh', ['sh', '-c', 'sleep 30 & echo $!; wait']);
  await waitFor(() => r.out().includes('\n'));
  const grandchild = Number(r.out().trim());
  const st = procStat(r.child.pid)!;
  assert.equal(st.pgrp, r.child.pid);
  assert.equal(procStat(grandchild)!.pgrp, r.child.pid);
  assert.deepEqual(signalChild(r.child.pid, 15, true), { sent: true });
  assert.deepEqual(await r.done, { signal: 'SIGTERM' });
  // gone, or a zombie waiting for a reaper that is not us
  await waitFor(() => {
    const g = procStat(grandchild);
    return g === null || g.state === 'Z';
  });
  assert.deepEqual(signalChild(r.child.pid, 15, false), { sent: false, gone: true, detail: '[Errno 3] No such process' });
});

test('a signal to the pid alone leaves the grandchild running', async () => {
  const r = run('/bin/sh', ['sh', '-c', 'sleep 30 & echo $!; wait']);
  await waitFor(() => r.out().includes('\n'));
  const grandchild = Number(r.out().trim());
  signalChild(r.child.pid, 15, false);
  // the grandchild still holds the pipes: wait for the exit only
  await waitFor(() => procStat(r.child.pid) === null || procStat(r.child.pid)!.state === 'Z');
  const g = procStat(grandchild);
  assert.ok(g !== null && g.state !== 'Z', 'grandchild still running');
  signalChild(grandchild, 9, false);
  await r.done;
});

const ownUmask = (): string => /Umask:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]!;

test('argv[0] is kept as written, no shell, environment and umask applied', async () => {
  const before = ownUmask();
  const r = run('/bin/sh', ['sh', '-c', 'umask; printf "%s|" "$FOO"; tr "\\0" " " < /proc/$$/cmdline', 'x y'], {
    umask: 0o027, env: { FOO: 'a b $HOME' },
  });
  assert.deepEqual(await r.done, { code: 0 });
  assert.equal(r.out(), `0027\na b $HOME|sh -c umask; printf "%s|" "$FOO"; tr "\\0" " " < /proc/$$/cmdline x y `);
  assert.equal(ownUmask(), before);
  assert.notEqual(before, '0027');
});

test('redirect_stderr: stderr arrives as stdout, nothing on stderr', async () => {
  const r = run('/bin/sh', ['sh', '-c', 'echo out; echo err >&2'], { redirectStderr: true });
  await r.done;
  assert.equal(r.err(), '');
  assert.deepEqual(r.out().split('\n').sort(), ['', 'err', 'out']);
});

test('chdir failure: a child that writes supervisord\'s lines to stderr and exits 127', async () => {
  const r = run('/bin/true', ['true'], { directory: '/nonexistent/dir' });
  assert.ok(Number.isInteger(r.child.pid) && r.child.pid > 0);
  assert.deepEqual(await r.done, { code: 127 });
  const text = "supervisor: couldn't chdir to /nonexistent/dir: ENOENT\nsupervisor: child process was not spawned\n";
  assert.equal(r.err(), text);
  assert.equal(r.child.failure, text);
  assert.equal(r.out(), '');
});

test('exec failures: no #! (ENOEXEC) and a missing interpreter (ENOENT)', async () => {
  const dir = tempDir('gs-child-');
  const plain = join(dir, 'plain');
  writeFileSync(plain, 'echo would run under sh\n');
  chmodSync(plain, 0o755);
  const a = run(plain, ['plain'], { directory: dir });
  assert.deepEqual(await a.done, { code: 127 });
  assert.equal(a.err(), "supervisor: couldn't exec plain: ENOEXEC\nsupervisor: child process was not spawned\n");

  const bad = join(dir, 'bad');
  writeFileSync(bad, '#!/nonexistent/interp\n');
  chmodSync(bad, 0o755);
  const b = run(bad, ['./bad']);
  assert.deepEqual(await b.done, { code: 127 });
  assert.equal(b.err(), "supervisor: couldn't exec ./bad: ENOENT\nsupervisor: child process was not spawned\n");
  assert.equal(b.child.failure, b.err());
});

test('directory= is the cwd, and a relative file is exec\'d from it', async () => {
  const dir = tempDir('gs-child-');
  writeFileSync(join(dir, 'tool'), '#!/bin/sh\npwd\n');
  chmodSync(join(dir, 'tool'), 0o755);
  const r = run('./tool', ['./tool'], { directory: dir });
  assert.deepEqual(await r.done, { code: 0 });
  assert.equal(r.out().trim(), dir);
});

test('user=: as root, that uid and its primary gid; otherwise supervisord\'s refusal', async () => {
  const r = run('/bin/sh', ['sh', '-c', 'id -u; id -g'], { uid: 65534 });
  const status = await r.done;
  if (process.getuid!() === 0) {
    assert.deepEqual(status, { code: 0 });
    const [uid, gid] = r.out().trim().split('\n');
    assert.equal(uid, '65534');
    const entry = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.split(':')[2] === '65534')!;
    assert.equal(gid, entry.split(':')[3]);
  } else {
    assert.deepEqual(status, { code: 127 });
    assert.equal(r.err(), "supervisor: couldn't setuid to 65534: Can't drop privilege as nonroot user\nsupervisor: child process was not spawned\n");
  }
});

test('user=: a uid without a passwd entry', async () => {
  const r = run('/bin/true', ['true'], { uid: 3999999 });
  assert.deepEqual(await r.done, { code: 127 });
  assert.equal(r.err(), "supervisor: couldn't setuid to 3999999: Can't find uid 3999999\nsupervisor: child process was not spawned\n");
});

test('umask from a worker thread (no process.umask there): exec shim, same argv after argv[0]', async () => {
  const { Worker } = await import('node:worker_threads');
  const childModule = new URL('../../../src/runner/host/child.js', import.meta.url).href;
  const code = `
    const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(childModule)}).then(({ startChild }) => {
      let out = '';
      const r = startChild('w', {
        file: '/bin/sh', argv: ['sh', '-c', 'umask; echo "$0|$1"', 'a b', 'c'], env: {}, directory: null, umask: 0o027, uid: null,
        redirectStderr: false, onStdout: (c) => (out += c), onStderr: (c) => (out += c),
        onExit: () => undefined, onOutputEnd: () => parentPort.postMessage(out),
      });
      if (!r.ok) parentPort.postMessage('failed: ' + r.message);
    });`;
  const w = new Worker(code, { eval: true });
  const out = await new Promise<string>((resolve) => w.once('message', resolve));
  await w.terminate();
  assert.equal(out, '0027\na b|c\n');
});
