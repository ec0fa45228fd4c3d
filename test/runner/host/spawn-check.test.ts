import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { prepareSpawn, realSpawnProbe, type SpawnContext } from '../../../src/runner/host/spawn-check.js';
import type { LogSpec, ResolvedProcess } from '../../../src/config/types.js';
import { tempDir } from '../../support/tmp.js';

const log: LogSpec = { file: null, maxbytes: 0, backups: 0, syslog: false, captureMaxbytes: 0, eventsEnabled: false };

function proc(over: Partial<ResolvedProcess> = {}): ResolvedProcess {
  return {
    name: 'web', group: 'grp', programName: 'web', sectionName: 'program:web', kind: 'program',
    processNum: 0, numprocs: 1, command: '/bin/true', directory: null, umask: null, priority: 999,
    autostart: true, autorestart: 'unexpected', startsecs: 1, startretries: 3, user: null, uid: null,
    stdout: log, stderr: log, stopsignal: { name: 'TERM', number: 15 }, stopwaitsecs: 10,
    stopasgroup: false, killasgroup: false, exitcodes: [0], redirectStderr: false, environment: {},
    serverurl: null, at: { file: 'x.conf', line: 1, column: 1 }, ...over,
  };
}

const dir = tempDir('gs-spawncheck-');
mkdirSync(join(dir, 'bin'));
writeFileSync(join(dir, 'bin', 'tool'), '#!/bin/sh\necho tool\n');
chmodSync(join(dir, 'bin', 'tool'), 0o755);
writeFileSync(join(dir, 'bin', 'noexec.sh'), 'echo hi\n');
chmodSync(join(dir, 'bin', 'noexec.sh'), 0o644);
mkdirSync(join(dir, 'bin', 'adir'));
mkdirSync(join(dir, 'other'));

const ctx = (over: Partial<SpawnContext> = {}): SpawnContext => ({
  env: { PATH: '/usr/bin:/bin', HOME: '/root' },
  supervisordEnv: {},
  serverUrl: null,
  cwd: dir,
  ...over,
});

const err = (p: Partial<ResolvedProcess>, c: Partial<SpawnContext> = {}): string => {
  const r = prepareSpawn(proc(p), ctx(c));
  assert.equal(r.ok, false, JSON.stringify(r));
  return (r as { message: string }).message;
};

test('spawnerr: shlex failure and empty command', () => {
  assert.equal(err({ command: '/bin/echo "unterminated' }), `can't parse command '/bin/echo "unterminated': No closing quotation`);
  assert.equal(err({ command: 'foo\\' }), `can't parse command 'foo\\\\': No escaped character`);
  assert.equal(err({ command: '' }), 'command is empty');
  assert.equal(err({ command: '   ' }), 'command is empty');
  assert.equal(err({ command: null }), 'command is empty');
});

test('spawnerr: missing, directory, not executable', () => {
  assert.equal(err({ command: '/nonexistent/bin/foo' }), `can't find command '/nonexistent/bin/foo'`);
  assert.equal(err({ command: 'no-such-program-xyz --flag' }), `can't find command 'no-such-program-xyz'`);
  assert.equal(err({ command: '/tmp' }), `command at '/tmp' is a directory`);
  const noexec = join(dir, 'bin', 'noexec.sh');
  assert.equal(err({ command: noexec }), `command at '${noexec}' is not executable`);
});

test('spawnerr: no permission (access(X_OK) refused with an x bit set)', () => {
  const probe = {
    stat: (p: string) => realSpawnProbe.stat(p),
    canExecute: () => false,
  };
  const tool = join(dir, 'bin', 'tool');
  assert.equal(err({ command: tool }, { probe }), `no permission to run command '${tool}'`);
});

test('a relative command is looked up from supervisord cwd, not directory=', () => {
  const ok = prepareSpawn(proc({ command: 'bin/tool a', directory: '/tmp' }), ctx());
  assert.ok(ok.ok);
  assert.equal(ok.file, 'bin/tool');
  assert.deepEqual(ok.argv, ['bin/tool', 'a']);
  // same command, directory= points where it would exist, supervisord's cwd does not have it
  assert.equal(err({ command: 'bin/tool', directory: dir }, { cwd: join(dir, 'other') }), `can't find command 'bin/tool'`);
});

test('PATH: program environment, then [supervisord] environment, then own PATH, then default', () => {
  const bin = join(dir, 'bin');
  const a = prepareSpawn(proc({ command: 'tool x', environment: { PATH: `/nope:${bin}` } }), ctx());
  assert.ok(a.ok);
  assert.equal(a.file, `${bin}/tool`);
  assert.deepEqual(a.argv, ['tool', 'x']);
  const b = prepareSpawn(proc({ command: 'tool' }), ctx({ supervisordEnv: { PATH: bin } }));
  assert.ok(b.ok && b.file === `${bin}/tool`);
  // the program's PATH wins over [supervisord]'s: here it hides the tool
  assert.equal(err({ command: 'tool', environment: { PATH: '/usr/bin' } }, { supervisordEnv: { PATH: bin } }), `can't find command 'tool'`);
  const c = prepareSpawn(proc({ command: 'tool' }), ctx({ env: { PATH: `${bin}/` } }));
  assert.ok(c.ok && c.file === `${bin}/tool`);
  // no PATH anywhere: /bin:/usr/bin:/usr/local/bin
  const d = prepareSpawn(proc({ command: 'sh -c true' }), ctx({ env: {} }));
  assert.ok(d.ok && d.file === '/bin/sh');
  const e = prepareSpawn(proc({ command: 'sh' }), ctx({ env: { PATH: '' } }));
  assert.ok(e.ok && e.file === '/bin/sh');
  // the first PATH entry where stat() succeeds is used even when it is a directory
  assert.equal(err({ command: 'adir' }, { env: { PATH: `${bin}:/bin` } }), `command at '${bin}/adir' is a directory`);
});

test('environment: os.environ, SUPERVISOR_*, [supervisord] environment, program environment', () => {
  const r = prepareSpawn(
    proc({ command: '/bin/true', environment: { B: 'prog', SUPERVISOR_GROUP_NAME: 'mine' } }),
    ctx({ env: { A: 'os', B: 'os', C: 'os', SUPERVISOR_ENABLED: '0', U: undefined }, supervisordEnv: { B: 'sup', C: 'sup' }, serverUrl: 'unix:///tmp/s.sock' }),
  );
  assert.ok(r.ok);
  assert.deepEqual(
    Object.fromEntries(Object.entries(r.env).sort()),
    {
      A: 'os', B: 'prog', C: 'sup',
      SUPERVISOR_ENABLED: '1', SUPERVISOR_GROUP_NAME: 'mine', SUPERVISOR_PROCESS_NAME: 'web',
      SUPERVISOR_SERVER_URL: 'unix:///tmp/s.sock',
    },
  );
  const none = prepareSpawn(proc(), ctx());
  assert.ok(none.ok && !('SUPERVISOR_SERVER_URL' in none.env));
  const own = prepareSpawn(proc({ serverurl: 'http://127.0.0.1:9001' }), ctx({ serverUrl: 'unix:///x' }));
  assert.ok(own.ok && own.env.SUPERVISOR_SERVER_URL === 'http://127.0.0.1:9001');
});

test('stat is made relative to supervisord cwd even for ./ commands', () => {
  const seen: string[] = [];
  const probe = { stat: (p: string): Stats | null => (seen.push(p), null), canExecute: () => true };
  prepareSpawn(proc({ command: './run' }), ctx({ probe, cwd: '/srv/app' }));
  assert.deepEqual(seen, ['/srv/app/run']);
});
