// The resolver against supervisord 4.2.5's own parser on fixtures/config/agreement/*.conf:
// same verdict, supervisord's first refusal among ours word for word, and for accepted files the
// same groups, processes, warnings and infos. Offline (host=false) it must refuse nothing that
// supervisord accepts.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import type { ResolvedConfig } from '../../src/config/types.js';
import { oracleParseMany, requireSupervisord, type OracleResult } from '../support/supervisord.js';
import { repoRoot } from '../support/tmp.js';

const dir = join(repoRoot(), 'fixtures/config/agreement');
const files = readdirSync(dir).filter((f) => f.endsWith('.conf')).sort();
const env: Record<string, string> = {
  PATH: '/usr/bin:/bin',
  HOME: dir,
  LC_ALL: 'C.UTF-8',
  GS_TEST_FOO: 'foo',
  GS_TEST_PCT: '50%',
};

const signal = (s: { name: string }): string => (/^\d+$/.test(s.name) ? s.name : `SIG${s.name}`);

function oracleGroups(o: OracleResult): unknown {
  return o.groups!.map((g) => ({
    name: g.name,
    priority: g.priority,
    events: g.events ? [...g.events].sort() : undefined,
    buffer: g.buffer_size,
    socket: g.socket?.url,
    procs: g.processes.map((p) => ({
      name: p.name,
      command: p.command,
      priority: p.priority,
      autostart: p.autostart,
      autorestart: p.autorestart,
      startsecs: p.startsecs,
      startretries: p.startretries,
      exitcodes: p.exitcodes,
      stopsignal: p.stopsignal,
      stopwaitsecs: p.stopwaitsecs,
      stopasgroup: p.stopasgroup,
      killasgroup: p.killasgroup,
      environment: p.environment,
      directory: p.directory,
      umask: p.umask,
      redirect: p.redirect_stderr,
      stdout: [p.stdout_logfile === '' ? null : p.stdout_logfile, p.stdout_logfile_maxbytes, p.stdout_logfile_backups, p.stdout_syslog],
      stderr: [p.stderr_logfile === '' ? null : p.stderr_logfile, p.stderr_logfile_maxbytes, p.stderr_logfile_backups, p.stderr_syslog],
      capture: [p.stdout_capture_maxbytes, p.stdout_events_enabled, p.stderr_capture_maxbytes, p.stderr_events_enabled],
      serverurl: p.serverurl,
      uid: p.uid,
    })),
  }));
}

function ourGroups(c: ResolvedConfig): unknown {
  return c.groups.map((g) => ({
    name: g.name,
    priority: g.priority,
    events: g.events ? [...g.events].sort() : undefined,
    buffer: g.bufferSize,
    socket: g.socket ? (g.socket.kind === 'unix' ? `unix://${g.socket.path}` : `tcp://${g.socket.host}:${g.socket.port}`) : undefined,
    procs: g.processes.map((p) => ({
      name: p.name,
      command: p.command,
      priority: p.priority,
      autostart: p.autostart,
      autorestart: String(p.autorestart),
      startsecs: p.startsecs,
      startretries: p.startretries,
      exitcodes: p.exitcodes,
      stopsignal: signal(p.stopsignal),
      stopwaitsecs: p.stopwaitsecs,
      stopasgroup: p.stopasgroup,
      killasgroup: p.killasgroup,
      environment: { ...c.supervisord.environment, ...p.environment },
      directory: p.directory,
      umask: p.umask,
      redirect: p.redirectStderr,
      stdout: [p.stdout.file, p.stdout.maxbytes, p.stdout.backups, p.stdout.syslog],
      stderr: [p.stderr.file, p.stderr.maxbytes, p.stderr.backups, p.stderr.syslog],
      capture: [p.stdout.captureMaxbytes, p.stdout.eventsEnabled, p.stderr.captureMaxbytes, p.stderr.eventsEnabled],
      serverurl: p.serverurl,
      uid: p.uid,
    })),
  }));
}

describe('config resolver agrees with supervisord 4.2.5', () => {
  let oracle: OracleResult[] = [];
  before(async () => {
    requireSupervisord();
    oracle = await oracleParseMany(files.map((f) => ({ path: join(dir, f), env, cleanEnv: true, cwd: dir })));
  });

  it('has 60+ fixtures, refused and accepted ones, named for their verdict', () => {
    assert.ok(files.length >= 60, `only ${files.length} fixtures`);
    const refused = oracle.filter((o) => !o.accepted).length;
    assert.ok(refused >= 40 && oracle.length - refused >= 20, `${refused} refused of ${oracle.length}`);
    files.forEach((f, i) => {
      assert.equal(oracle[i]!.crash, null, `${f}: supervisor crashed`);
      assert.equal(oracle[i]!.accepted, f.startsWith('ok-'), `${f}: supervisord says ${oracle[i]!.message ?? 'accepted'}`);
    });
  });

  for (const [i, f] of files.entries()) {
    it(`${f}: same verdict and first refusal`, () => {
      const o = oracle[i]!;
      const mine = loadConfig(join(dir, f), { env, hostname: hostname(), cwd: dir, host: true, allowFragment: false });
      const messages = mine.result.diagnostics.map((d) => d.message);
      if (o.accepted) {
        assert.deepEqual(messages, [], `supervisord accepts ${f}`);
        const c = mine.result.config!;
        assert.deepEqual(ourGroups(c), oracleGroups(o));
        assert.deepEqual(c.parseWarnings, o.warnings);
        assert.deepEqual(c.parseInfos, o.infos);
        assert.equal(c.supervisord.serverurl, o.supervisord!.serverurl);
        assert.equal(c.supervisord.logfile, o.supervisord!.logfile);
        assert.equal(c.supervisord.pidfile, o.supervisord!.pidfile);
        assert.equal(c.supervisord.childlogdir, o.supervisord!.childlogdir);
        assert.equal(c.supervisord.umask, o.supervisord!.umask);
        assert.equal(c.supervisord.identifier, o.supervisord!.identifier);
        assert.equal(c.supervisord.uid, o.supervisord!.uid);
        assert.deepEqual(
          c.servers.map((s) => (s.kind === 'unix' ? [s.section, s.file, s.chmod, s.username, s.password] : [s.section, s.host, s.port, s.username, s.password])),
          o.servers!.map((s) => (s.family === 'unix' ? [s.section, s.file, s.chmod, s.username, s.password] : [s.section, s.host, s.port, s.username, s.password])),
        );
        const offline = loadConfig(join(dir, f), { env: {}, hostname: 'elsewhere', cwd: '/nonexistent', host: false, allowFragment: false });
        assert.deepEqual(offline.result.diagnostics.map((d) => d.message), [], 'offline resolution refused an accepted file');
      } else {
        assert.ok(messages.includes(o.message!), `supervisord: ${o.message}\nours:\n${messages.join('\n')}`);
        assert.equal(messages[0], o.message, 'the first diagnostic is the one supervisord prints');
      }
    });
  }
});
