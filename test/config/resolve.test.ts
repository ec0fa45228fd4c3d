import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fakeHost, located, resolveText, sfx, SV } from './helpers.js';
import { RULE_IDS } from '../../src/config/rule-ids.js';

const P = (name = 'a') => `[program:${name}]\ncommand=/bin/cat\n`;

describe('[supervisord] section', () => {
  it('is required unless a fragment is allowed', () => {
    const r = resolveText(P());
    assert.deepEqual(located(r), ['1:1 .ini file does not include supervisord section']);
    assert.equal(r.result.diagnostics[0]!.ruleId, RULE_IDS.missingSection);
    const f = resolveText(P(), { allowFragment: true });
    assert.deepEqual(located(f), []);
    assert.equal(f.result.config!.mode, 'fragment');
    assert.equal(f.result.config!.groups[0]!.processes[0]!.command, '/bin/cat');
    assert.equal(resolveText(SV).result.config!.mode, 'full');
  });

  it('a fragment is read as if an empty [supervisord] included it: [DEFAULT] reaches supervisord, %(here)s is textual', () => {
    const host = fakeHost({ dirs: ['/', '/tmp', '/virtual', '/virtual/logs'] });
    const frag = `[DEFAULT]\ndirectory=/virtual/nope\numask=9\nchildlogdir=%(here)s/old/../logs\n${P()}stdout_logfile=%(here)s/logs/%(process_name)s.log\n`;
    const r = resolveText(frag, { allowFragment: true, host: true, probe: host });
    assert.deepEqual(located(r), [
      '2:11 /virtual/nope is not an existing directory',
      '3:7 9 can not be converted to an octal type',
      '4:13 /virtual/old/../logs is not an existing directory',
      `3:7 9 can not be converted to an octal type${sfx('program:a')}`,
      `7:16 Format string '/virtual/logs/%(process_name)s.log' for 'program:a.stdout_logfile' contains names ('process_name') which cannot be expanded. Available names: group_name, here, host_node_name, numprocs, process_num, program_name${sfx('program:a')}`,
    ]);
    assert.equal(r.result.config!.mode, 'fragment');
    // an unknown name in [DEFAULT] is named as supervisord's own key
    assert.deepEqual(located(resolveText(`[DEFAULT]\nuser=%(nope)s\n`, { allowFragment: true })), [
      "2:6 Format string '%(nope)s' for 'supervisord.user' contains names ('nope') which cannot be expanded. Available names: here",
    ]);
    // without [DEFAULT] keys nothing changes; a main file's [supervisord] hides nothing it does not set
    assert.deepEqual(located(resolveText('[DEFAULT]\n' + P(), { allowFragment: true, host: true, probe: host })), []);
    assert.deepEqual(located(resolveText(`[DEFAULT]\ndirectory=/virtual\n${SV}`, { host: true, probe: host })), []);
  });

  it('section names are case-sensitive', () => {
    assert.deepEqual(located(resolveText('[SUPERVISORD]\n')), ['1:1 .ini file does not include supervisord section']);
  });

  it('reports every bad value at the value, without a section suffix', () => {
    const r = resolveText(`${SV}minfds=abc\nloglevel = warning\numask=8\nnodaemon=yes please\nlogfile_maxbytes=10M\n`);
    assert.deepEqual(located(r), [
      "2:8 invalid literal for int() with base 10: 'abc'",
      '4:7 8 can not be converted to an octal type',
      "6:18 invalid literal for int() with base 10: '10m'",
      "3:12 bad logging level name 'warning'",
      "5:10 not a valid boolean value: 'yes please'",
    ]);
    assert.ok(r.result.diagnostics.every((d) => d.ruleId === RULE_IDS.invalidValue));
  });

  it('points at [DEFAULT] when the value is inherited from there', () => {
    const r = resolveText(`[DEFAULT]\nminprocs=x\n${SV}`);
    assert.deepEqual(located(r), ["2:10 invalid literal for int() with base 10: 'x'"]);
  });

  it('expands with here and ENV_ names only, Python messages', () => {
    const r = resolveText(`${SV}identifier=%(program_name)s\n`, { env: { B: '2', A: '1' } });
    assert.deepEqual(located(r), [
      "2:12 Format string '%(program_name)s' for 'supervisord.identifier' contains names ('program_name') which cannot be expanded. Available names: ENV_A, ENV_B, here",
    ]);
    const ok = resolveText(`${SV}identifier=%(here)s-%(ENV_A)s\n`, { env: { A: 'x' } });
    assert.equal(ok.result.config!.supervisord.identifier, '/virtual-x');
  });

  it('expands environment= twice, host_node_name only in the second pass', () => {
    const twice = resolveText(`${SV}environment=P="100%%%%",H="%(here)s"\n`);
    assert.deepEqual(twice.result.config!.supervisord.environment, { P: '100%', H: '/virtual' });
    const once = resolveText(`${SV}environment=C="100%%"\n`);
    assert.deepEqual(located(once), [
      `2:13 Format string 'C="100%"' for 'environment' is badly formatted: unsupported format character '"' (0x22) at index 7`,
    ]);
    const host = resolveText(`${SV}environment=H="%(host_node_name)s"\n`);
    assert.match(located(host)[0]!, /^2:13 Format string 'H="%\(host_node_name\)s"' for 'supervisord.environment' contains names \('host_node_name'\)/);
  });

  it('adds [supervisord] environment= to the ENV_ names of what follows', () => {
    const r = resolveText(`${SV}environment=G="g"\n[program:a]\ncommand=/bin/echo %(ENV_G)s\n`, { host: true, probe: fakeHost() });
    assert.deepEqual(located(r), []);
    assert.equal(r.result.config!.groups[0]!.processes[0]!.command, '/bin/echo g');
  });

  it('checks user= last, and only on the host', () => {
    const text = `${SV}user=nobody-here\n[program:a]\nautostart=maybe\ncommand=x\n`;
    assert.deepEqual(located(resolveText(text, { host: true, probe: fakeHost() })), [
      `4:11 not a valid boolean value: 'maybe'${sfx('program:a')}`,
      '2:6 Invalid user name nobody-here',
    ]);
    assert.equal(resolveText(text).result.diagnostics.length, 1);
    const uid = resolveText(`${SV}user=33\n`, { host: true, probe: fakeHost() });
    assert.equal(uid.result.config!.supervisord.uid, 33);
  });

  it('checks folders on the host only, relative to the cwd', () => {
    const text = `${SV}logfile=logs/s.log\npidfile=/nonexistent/s.pid\nchildlogdir=/nope\ndirectory=/tmp\n`;
    assert.deepEqual(located(resolveText(text, { host: true, probe: fakeHost() })), [
      '2:9 The directory named as part of the path logs/s.log does not exist',
      '3:9 The directory named as part of the path /nonexistent/s.pid does not exist',
      '4:13 /nope is not an existing directory',
    ]);
    assert.deepEqual(located(resolveText(text)), []);
    const withLogs = resolveText(text, { host: true, probe: fakeHost({ dirs: ['/virtual/logs', '/nonexistent', '/nope'] }) });
    assert.equal(withLogs.result.diagnostics.length, 1, 'directory=/tmp is missing from that host');
    assert.equal(withLogs.result.config!.supervisord.logfile, '/virtual/logs/s.log');
  });
});

describe('ENV_ names', () => {
  it('an unknown ENV_ name is an error on the host, a placeholder offline', () => {
    const text = `${SV}[program:a]\ncommand=/bin/echo %(ENV_NOPE)s\n`;
    const host = resolveText(text, { host: true, probe: fakeHost(), env: { HOME: '/root' } });
    assert.deepEqual(located(host), [
      `3:9 Format string '/bin/echo %(ENV_NOPE)s' for 'program:a.command' contains names ('ENV_NOPE') which cannot be expanded. Available names: ENV_HOME, group_name, here, host_node_name, numprocs, process_num, program_name${sfx('program:a')}`,
    ]);
    assert.equal(host.result.diagnostics[0]!.ruleId, RULE_IDS.hostEnv);
    const offline = resolveText(text);
    assert.deepEqual(located(offline), []);
    assert.equal(offline.result.config!.groups[0]!.processes[0]!.command, '/bin/echo ${NOPE}');
  });

  it('offline, a value holding an unknown ENV_ name is not type-checked', () => {
    assert.deepEqual(located(resolveText(`${SV}[program:a]\ncommand=x\npriority=%(ENV_P)s\nnumprocs=%(ENV_N)s\n`)), []);
  });

  it("a program's environment= is visible from directory= on, not inside itself", () => {
    const ok = resolveText(`${SV}[program:a]\nenvironment=L="x"\ncommand=/bin/%(ENV_L)s\ndirectory=/%(ENV_L)s\n`, { host: true, probe: fakeHost() });
    assert.deepEqual(located(ok), []);
    assert.equal(ok.result.config!.groups[0]!.processes[0]!.directory, '/x');
    const bad = resolveText(`${SV}[program:a]\ncommand=x\nenvironment=A="1",B="%(ENV_A)s"\n`, { host: true, probe: fakeHost() });
    assert.match(located(bad)[0]!, /^4:13 Format string 'A="1",B="%\(ENV_A\)s"' for 'environment' contains names \('ENV_A'\)/);
  });
});

describe('program sections', () => {
  it('adds the section suffix and carries on after each refusal', () => {
    const r = resolveText(`${SV}[program:a]\ncommand=/bin/cat\nautostart=maybe\nstopsignal=FOO\nexitcodes=0;2\nautorestart=always\n`);
    assert.deepEqual(located(r), [
      `4:11 not a valid boolean value: 'maybe'${sfx('program:a')}`,
      `7:13 invalid 'autorestart' value 'always'${sfx('program:a')}`,
      `5:12 value 'FOO' is not a valid signal name${sfx('program:a')}`,
      `6:11 not a valid list of exit codes: '0;2'${sfx('program:a')}`,
    ]);
  });

  it('group-level priority and the name have no suffix', () => {
    assert.deepEqual(located(resolveText(`${SV}[program:a b]\ncommand=x\n`)), ["2:1 Invalid name: 'a b' because of character: ' '"]);
    assert.deepEqual(located(resolveText(`${SV}[program:a]\ncommand=x\npriority=%(program_name)s\n`)), [
      "4:10 Format string '%(program_name)s' for 'program:a.priority' contains names ('program_name') which cannot be expanded. Available names: here",
    ]);
  });

  it('requires command only when there are processes', () => {
    assert.deepEqual(located(resolveText(`${SV}[program:a]\nautostart=true\n`)), [
      `2:1 program section program:a does not specify a command${sfx('program:a')}`,
    ]);
    assert.deepEqual(located(resolveText(`${SV}[program:a]\nnumprocs=0\n`)), []);
    assert.deepEqual(located(resolveText(`${SV}[program:a]\nnumprocs=x\n`)), [`3:10 invalid literal for int() with base 10: 'x'${sfx('program:a')}`]);
  });

  it('numprocs > 1 needs %(process_num) in process_name', () => {
    assert.deepEqual(located(resolveText(`${SV}[program:a]\ncommand=x\nnumprocs=2\n`)), [
      `4:10 %(process_num) must be present within process_name when numprocs > 1${sfx('program:a')}`,
    ]);
    assert.deepEqual(located(resolveText(`${SV}[program:a]\ncommand=x\nnumprocs=2\nprocess_name=w\n`)), [
      `5:14 %(process_num) must be present within process_name when numprocs > 1${sfx('program:a')}`,
    ]);
    const bad = resolveText(`${SV}[program:a]\ncommand=x\nprocess_name=w-%(process_num)\n`);
    assert.deepEqual(located(bad), [
      `4:14 Format string 'w-%(process_num)' for 'process_name' is badly formatted: incomplete format${sfx('program:a')}`,
    ]);
  });

  it('expands process names per process and sorts them', () => {
    const r = resolveText(`${SV}[program:w]\ncommand=/bin/echo %(process_num)d/%(numprocs)d\nprocess_name=%(program_name)s_%(process_num)02d\nnumprocs=3\nnumprocs_start=8\n`);
    const procs = r.result.config!.groups[0]!.processes;
    assert.deepEqual(procs.map((p) => [p.name, p.command]), [
      ['w_08', '/bin/echo 8/3'],
      ['w_09', '/bin/echo 9/3'],
      ['w_10', '/bin/echo 10/3'],
    ]);
  });

  it('refuses stopasgroup=true with killasgroup=false', () => {
    assert.deepEqual(located(resolveText(`${SV}[program:a]\ncommand=x\nstopasgroup=true\nkillasgroup=false\n`)), [
      `5:13 Cannot set stopasgroup=true and killasgroup=false${sfx('program:a')}`,
    ]);
    const r = resolveText(`${SV}[program:a]\ncommand=x\nstopasgroup=true\n`);
    assert.equal(r.result.config!.groups[0]!.processes[0]!.killasgroup, true);
  });

  it('log files are expanded twice and their folders checked on the host', () => {
    const r = resolveText(`${SV}[program:a]\ncommand=x\nstdout_logfile=/tmp/a%%%%b.log\nstderr_logfile=/nope/e.log\n`, { host: true, probe: fakeHost() });
    assert.deepEqual(located(r), [`5:16 The directory named as part of the path /nope/e.log does not exist${sfx('program:a')}`]);
    assert.equal(r.result.config!.groups[0]!.processes[0]!.stdout.file, '/tmp/a%b.log');
    const once = resolveText(`${SV}[program:a]\ncommand=x\nstdout_logfile=/tmp/a%%b.log\n`);
    assert.deepEqual(located(once), [
      `4:16 Format string '/tmp/a%b.log' for 'stdout_logfile' is badly formatted: unsupported format character 'b' (0x62) at index 7${sfx('program:a')}`,
    ]);
  });

  it('logs the warnings supervisord logs', () => {
    const r = resolveText(`${SV}[program:a]\ncommand=x\nredirect_stderr=true\nstderr_logfile=/tmp/e.log\nstdout_logfile_maxbytes=0\n[program:c]\ncommand=x\nstdout_logfile=syslog\n`);
    assert.deepEqual(r.result.config!.parseWarnings, [
      'For [program:a], AUTO logging used for stdout_logfile without rollover, set maxbytes > 0 to avoid filling up filesystem unintentionally',
      'For [program:a], redirect_stderr=true but stderr_logfile has also been set to a filename, the filename has been ignored',
      'For [program:c], stdout_logfile=syslog but this is deprecated and will be removed.  Use stdout_syslog=true to enable syslog instead.',
    ]);
    const c = r.result.config!.groups.find((g) => g.name === 'c')!.processes[0]!;
    assert.equal(c.stdout.file, null);
    assert.equal(c.stdout.syslog, true);
    assert.equal(r.result.config!.groups.find((g) => g.name === 'a')!.processes[0]!.stderr.file, null);
  });

  it('checks user= on the host, with the suffix', () => {
    const text = `${SV}[program:a]\ncommand=x\nuser=ghost\n`;
    assert.deepEqual(located(resolveText(text, { host: true, probe: fakeHost() })), [`4:6 Invalid user name ghost${sfx('program:a')}`]);
    assert.deepEqual(located(resolveText(text)), []);
    assert.deepEqual(located(resolveText(`${SV}[program:a]\ncommand=x\nuser=4242\n`, { host: true, probe: fakeHost() })), [
      `4:6 Invalid user id 4242${sfx('program:a')}`,
    ]);
  });

  it('reads the model values', () => {
    const r = resolveText(
      `${SV}[program:a]\ncommand=/bin/sleep 1\npriority=-5\nautostart=no\nautorestart=TRUE\nstopsignal=sigint\nexitcodes=0, 2\numask=002\nserverurl=AUTO\nenvironment=A=1,B="x y"\nuser=www-data\n`,
      { host: true, probe: fakeHost() },
    );
    const p = r.result.config!.groups[0]!.processes[0]!;
    assert.deepEqual(
      [p.priority, p.autostart, p.autorestart, p.stopsignal, p.exitcodes, p.umask, p.serverurl, p.environment, p.uid, p.user],
      [-5, false, true, { name: 'INT', number: 2 }, [0, 2], 2, null, { A: '1', B: 'x y' }, 33, 'www-data'],
    );
  });
});

describe('[group:x]', () => {
  it('names unknown and ambiguous members, with the previous-member quirk', () => {
    const text = `${SV}[group:g]\nprograms=a,b,missing,\n${P('a')}${P('b')}[fcgi-program:b]\ncommand=x\nsocket=tcp://h:1\n`;
    assert.deepEqual(located(resolveText(text)), [
      '3:12 [program:a] name b is ambiguous (exists as program and fcgi-program)',
      '3:14 [program:a] names unknown program or fcgi-program missing',
      '3:22 [program:a] names unknown program or fcgi-program ',
    ]);
    assert.deepEqual(located(resolveText(`${SV}[group:g]\nprograms=missing\n`)), ['3:10 [group:g] names unknown program or fcgi-program missing']);
  });

  it('takes its members out of the standalone groups; an fcgi member has no socket', () => {
    const r = resolveText(`${SV}[group:g]\nprograms=f,a\npriority=5\n${P('a')}${P('c')}[fcgi-program:f]\ncommand=x\nsocket=garbage\n`);
    assert.deepEqual(located(r), []);
    const groups = r.result.config!.groups;
    assert.deepEqual(groups.map((g) => [g.name, g.kind, g.priority, g.processes.map((p) => `${p.group}:${p.name}`)]), [
      ['g', 'group', 5, ['g:f', 'g:a']],
      ['c', 'program', 999, ['c:c']],
    ]);
    assert.equal(groups[0]!.socket, undefined);
  });

  it('orders groups like supervisord and marks what startup drops', () => {
    const r = resolveText(`${SV}${P('a')}[group:a]\nprograms=b\n${P('b')}[eventlistener:x]\ncommand=x\nevents=TICK_5\n${P('x')}`);
    const groups = r.result.config!.groups;
    assert.deepEqual(groups.map((g) => [g.name, g.kind, g.shadowed ?? false]), [
      ['x', 'eventlistener', false],
      ['a', 'group', false],
      ['a', 'program', true],
      ['x', 'program', true],
    ]);
    const dup = resolveText(`${SV}[group:g]\nprograms=a,b\n[program:a]\ncommand=1\nprocess_name=same\n[program:b]\ncommand=2\nprocess_name=same\n`);
    assert.deepEqual(dup.result.config!.groups[0]!.processes.map((p) => p.shadowed ?? false), [true, false]);
  });
});

describe('[eventlistener:x]', () => {
  const E = `${SV}[eventlistener:e]\ncommand=x\n`;
  it('requires events and knows every event type', () => {
    assert.deepEqual(located(resolveText(E)), ['2:1 [eventlistener:e] section requires an "events" line']);
    assert.deepEqual(located(resolveText(`${E}events=\n`)), ['4:8 [eventlistener:e] section requires an "events" line']);
    assert.deepEqual(located(resolveText(`${E}events=tick_5,bogus,NOPE\n`)), [
      '4:15 Unknown event type BOGUS in [eventlistener:e] events',
      '4:21 Unknown event type NOPE in [eventlistener:e] events',
    ]);
  });

  it('refuses buffer_size < 1, redirect_stderr and unknown handlers', () => {
    const r = resolveText(`${E}events=TICK_5\nbuffer_size=0\nredirect_stderr=true\nresult_handler=supervisor.nosuch:handler\n`);
    assert.deepEqual(located(r), [
      '5:13 [eventlistener:e] section sets invalid buffer_size (0)',
      '7:16 supervisor.nosuch:handler cannot be resolved within [eventlistener:e]',
      '6:17 [eventlistener:e] section sets redirect_stderr=true but this is not allowed because it will interfere with the eventlistener protocol',
    ]);
    assert.deepEqual(located(resolveText(`${E}events=TICK_5\nresult_handler=not a spec\n`)), [
      `5:16 ("EntryPoint must be in 'name=module:attrs [extras]' format", 'x=not a spec')`,
    ]);
  });

  it('has pool priority -1 and process priority 999 by default', () => {
    const g = resolveText(`${E}events=TICK_5,PROCESS_STATE\n`).result.config!.groups[0]!;
    assert.deepEqual([g.priority, g.processes[0]!.priority, g.events, g.bufferSize, g.resultHandler], [
      -1, 999, ['TICK_5', 'PROCESS_STATE'], 10, 'supervisor.dispatchers:default_handler',
    ]);
  });

  it('checks the pool name in the per-section parse, with the suffix', () => {
    assert.deepEqual(located(resolveText(`${SV}[eventlistener:a b]\ncommand=x\nevents=TICK_5\n`)), [
      `2:1 Invalid name: 'a b' because of character: ' '${sfx('eventlistener:a b')}`,
    ]);
  });
});

describe('[fcgi-program:x]', () => {
  const F = `${SV}[fcgi-program:f]\ncommand=x\n`;
  it('requires a well-formed socket', () => {
    assert.deepEqual(located(resolveText(F)), ['2:1 [fcgi-program:f] section requires a "socket" line']);
    assert.deepEqual(located(resolveText(`${F}socket=unix://rel.sock\n`)), [
      "4:8 ('Unix socket path %s is not an absolute path', 'rel.sock') in [fcgi-program:f] socket",
    ]);
    assert.deepEqual(located(resolveText(`${F}socket=tcp://localhost\n`)), ["4:8 ('Bad socket format %s', 'tcp://localhost') in [fcgi-program:f] socket"]);
    assert.deepEqual(located(resolveText(`${F}socket=unix:///tmp/%(process_num)s.sock\n`)), [
      "4:8 Format string 'unix:///tmp/%(process_num)s.sock' for 'fcgi-program:f.socket' contains names ('process_num') which cannot be expanded. Available names: here, program_name",
    ]);
  });

  it('owner and mode belong to unix sockets; backlog and mode are checked', () => {
    assert.deepEqual(located(resolveText(`${F}socket=tcp://h:9000\nsocket_mode=0666\n`)), [
      '5:13 socket_owner and socket_mode params should only be used with a Unix domain socket in [fcgi-program:f] socket',
    ]);
    assert.deepEqual(located(resolveText(`${F}socket=tcp://h:9000\nsocket_backlog=0\n`)), ['5:16 Invalid socket_backlog value 0']);
    assert.deepEqual(located(resolveText(`${F}socket=unix:///tmp/f.sock\nsocket_mode=999\n`)), ['5:13 Invalid socket_mode value 999']);
    assert.deepEqual(located(resolveText(`${F}socket=unix:///tmp/f.sock\nsocket_owner=ghost\n`, { host: true, probe: fakeHost() })), [
      '5:14 Invalid socket_owner value ghost',
    ]);
  });

  it('resolves the socket for the model', () => {
    const r = resolveText(`${F}socket=unix:///tmp/%(program_name)s.sock\nuser=www-data\n`, { host: true, probe: fakeHost() });
    assert.deepEqual(located(r), []);
    assert.deepEqual(r.result.config!.groups[0]!.socket, { kind: 'unix', path: '/tmp/f.sock', owner: null, mode: 0o700, backlog: null, ownerIds: [33, 33] });
    const t = resolveText(`${F}socket=tcp://LocalHost:9000\n`).result.config!.groups[0]!.socket;
    assert.deepEqual(t, { kind: 'tcp', host: 'localhost', port: 9000, backlog: null });
  });
});

describe('server sections', () => {
  it('inet: auth before port, ENV_ names only', () => {
    assert.deepEqual(located(resolveText(`${SV}[inet_http_server]\nusername=u\n`)), [
      '3:10 Section [inet_http_server] contains incomplete authentication: If a username or a password is specified, both the username and password must be specified',
      '2:1 section [inet_http_server] has no port value',
    ]);
    assert.deepEqual(located(resolveText(`${SV}[inet_http_server]\nport=abc\n`)), ["3:6 not a valid port number: 'abc' "]);
    assert.match(located(resolveText(`${SV}[inet_http_server]\nport=%(here)s\n`))[0]!, /^3:6 Format string '%\(here\)s' for 'inet_http_server.port' contains names \('here'\)/);
  });

  it('unix: file required, chmod and chown checked, prefix sections count', () => {
    assert.deepEqual(located(resolveText(`${SV}[unix_http_serverX]\nchmod=999\n`)), [
      '2:1 section [unix_http_serverX] has no file value',
      '3:7 Invalid chmod value 999',
    ]);
    assert.deepEqual(located(resolveText(`${SV}[unix_http_server]\nfile=/tmp/s.sock\nchown=root:nogroup\n`, { host: true, probe: fakeHost() })), [
      '4:7 Invalid sockchown value root:nogroup',
    ]);
    const r = resolveText(`${SV}[unix_http_server]\nfile=%(here)s/s.sock\n[inet_http_server]\nport=9001\n`);
    assert.deepEqual(r.result.config!.servers.map((s) => s.kind), ['inet', 'unix']);
    assert.equal(r.result.config!.supervisord.serverurl, 'unix:///virtual/s.sock');
  });
});

describe('[rpcinterface:x]', () => {
  it('requires a resolvable factory and expands every other key', () => {
    assert.deepEqual(located(resolveText(`${SV}[rpcinterface:x]\nfoo=1\n`)), ['2:1 section [rpcinterface:x] does not specify a supervisor.rpcinterface_factory']);
    assert.deepEqual(located(resolveText(`${SV}[rpcinterface:x]\nsupervisor.rpcinterface_factory=supervisor.nope:make\n`)), [
      '3:33 supervisor.nope:make cannot be resolved within [rpcinterface:x]',
    ]);
    const extra = resolveText(`${SV}[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface\nk=%(here)s\n`);
    assert.match(located(extra)[0]!, /^4:3 Format string '%\(here\)s' for 'rpcinterface:supervisor.k' contains names \('here'\)/);
    const ok = resolveText(`${SV}[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface\n`);
    assert.deepEqual(ok.result.config!.rpcinterfaces.map((x) => [x.name, x.factory, x.extraKeys]), [
      ['supervisor', 'supervisor.rpcinterface:make_main_rpcinterface', []],
    ]);
  });

  it('offline, a module outside supervisor is assumed importable', () => {
    assert.deepEqual(located(resolveText(`${SV}[rpcinterface:x]\nsupervisor.rpcinterface_factory=mypkg.rpc:make\n`)), []);
  });
});

describe('[supervisorctl]', () => {
  it('is read as supervisorctl reads it, never refused', () => {
    const r = resolveText(`${SV}[supervisorctl]\nserverurl=unix://%(here)s/../s.sock\nusername=%(nope)s\n`);
    assert.deepEqual(located(r), []);
    assert.deepEqual(r.result.config!.ctl, { serverurl: 'unix:///s.sock', username: null, password: null, at: { file: '/virtual/s.conf', line: 2, column: 1 } });
  });
});

describe('diagnostics', () => {
  it('carry a range over the value and are not repeated per process', () => {
    const r = resolveText(`${SV}[program:a]\nprocess_name=%(program_name)s%(process_num)d\nnumprocs=3\n`);
    assert.equal(r.result.diagnostics.length, 1);
    const d = r.result.diagnostics[0]!;
    assert.deepEqual([d.line, d.column, d.severity], [2, 1, 'error']);
    const v = resolveText(`${SV}minfds = abc\n`).result.diagnostics[0]!;
    assert.deepEqual([v.line, v.column, v.endLine, v.endColumn], [2, 10, 2, 13]);
  });
});
