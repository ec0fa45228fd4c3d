import type { ExpansionName, OptionSpec, SectionSpec, ValueType } from './types.js';

// Expansion name sets, as supervisord 4.2.5 offers them (reference §2.2).
const ENV: readonly ExpansionName[] = ['ENV'];
const HERE_ENV: readonly ExpansionName[] = ['here', 'ENV'];
const HERE_HOST_ENV: readonly ExpansionName[] = ['here', 'host_node_name', 'ENV'];
// Program keys read once per section, before the per-process loop.
const PROGRAM: readonly ExpansionName[] = ['here', 'program_name', 'group_name', 'host_node_name', 'ENV'];
// Program keys read once per process.
const PROCESS: readonly ExpansionName[] = [...PROGRAM, 'process_num', 'numprocs'];
const FCGI_SOCKET: readonly ExpansionName[] = ['here', 'program_name', 'ENV'];

interface Extra {
  required?: boolean;
  passes?: 0 | 1 | 2;
  read?: boolean;
  min?: number;
  max?: number;
}

function opt(
  key: string,
  type: ValueType,
  def: string | null,
  names: readonly ExpansionName[],
  doc: string,
  extra: Extra = {},
): OptionSpec {
  return {
    key,
    type,
    default: def,
    required: extra.required ?? false,
    expansion: { names, passes: extra.passes ?? (names.length ? 1 : 0) },
    readBySupervisord: extra.read ?? true,
    doc,
    ...(extra.min !== undefined ? { min: extra.min } : {}),
    ...(extra.max !== undefined ? { max: extra.max } : {}),
  };
}

const supervisord: SectionSpec = {
  kind: 'supervisord',
  header: 'supervisord',
  match: 'exact',
  named: false,
  extraKeys: 'ignored',
  readBySupervisord: true,
  doc: "supervisord's own settings; the only required section.",
  options: [
    opt('logfile', 'dirpath', 'supervisord.log', HERE_ENV, 'Main log file, relative to the working directory; `syslog` logs to syslog.'),
    opt('logfile_maxbytes', 'bytesize', '50MB', HERE_ENV, 'Rotate the main log at this size; 0 never rotates.'),
    opt('logfile_backups', 'integer', '10', HERE_ENV, 'Rotated main log files kept; 0 keeps none.'),
    opt('loglevel', 'loglevel', 'info', HERE_ENV, 'critical, error, warn, info, debug, trace or blather (not "warning").'),
    opt('pidfile', 'dirpath', 'supervisord.pid', HERE_ENV, 'Where supervisord writes its pid.'),
    opt('umask', 'octal', '022', HERE_ENV, 'umask of supervisord; applied only when it daemonizes.'),
    opt('nodaemon', 'boolean', 'false', HERE_ENV, 'Stay in the foreground.'),
    opt('silent', 'boolean', 'false', HERE_ENV, 'In the foreground, print no log to stdout.'),
    opt('minfds', 'integer', '1024', HERE_ENV, 'File descriptors to reserve (RLIMIT_NOFILE).'),
    opt('minprocs', 'integer', '200', HERE_ENV, 'Processes to reserve (RLIMIT_NPROC).'),
    opt('nocleanup', 'boolean', 'false', HERE_ENV, 'Keep old AUTO child logs at startup.'),
    opt('childlogdir', 'existingdir', null, HERE_ENV, 'Folder for AUTO child logs (default: the temp folder); must exist.'),
    opt('user', 'user', null, HERE_ENV, 'Switch to this user at startup (supervisord must start as root).'),
    opt('directory', 'existingdir', null, HERE_ENV, 'chdir here when daemonizing; must exist.'),
    opt('strip_ansi', 'boolean', 'false', HERE_ENV, 'Strip ANSI escapes from child logs.'),
    opt('environment', 'environment', null, HERE_ENV, 'KEY="value" pairs added to every child; expanded twice.', { passes: 2 }),
    opt('identifier', 'string', 'supervisor', HERE_ENV, 'Identifier used by the RPC interface and AUTO log names.'),
  ],
};

const auth = (names: readonly ExpansionName[]) => [
  opt('username', 'string', null, names, 'HTTP basic auth user name; needs password too.'),
  opt('password', 'string', null, names, 'Password, plain or {SHA} + hex sha1; needs username too.'),
];

const unixHttpServer: SectionSpec = {
  kind: 'unix_http_server',
  header: 'unix_http_server',
  match: 'prefix',
  named: false,
  extraKeys: 'ignored',
  readBySupervisord: true,
  doc: 'The control socket supervisorctl talks to.',
  options: [
    opt('file', 'path', null, HERE_ENV, 'Socket path, relative to the working directory.', { required: true }),
    opt('chmod', 'octal', '0700', ENV, 'Socket mode.'),
    opt('chown', 'usergroup', null, ENV, 'Socket owner, user or user:group.'),
    ...auth(ENV),
  ],
};

const inetHttpServer: SectionSpec = {
  kind: 'inet_http_server',
  header: 'inet_http_server',
  match: 'prefix',
  named: false,
  extraKeys: 'ignored',
  readBySupervisord: true,
  doc: 'An HTTP server on a TCP port for supervisorctl and the web UI.',
  options: [
    opt('port', 'inetaddr', null, ENV, 'PORT, HOST:PORT or *:PORT (all interfaces).', { required: true }),
    ...auth(ENV),
  ],
};

const supervisorctl: SectionSpec = {
  kind: 'supervisorctl',
  header: 'supervisorctl',
  match: 'exact',
  named: false,
  extraKeys: 'ignored',
  readBySupervisord: false,
  doc: 'Read by supervisorctl only: how to reach supervisord.',
  options: [
    opt('serverurl', 'url', 'http://localhost:9001', HERE_ENV, 'unix:///path/to.sock or http://host:port.', { read: false }),
    opt('username', 'string', null, ENV, 'Must match the server username.', { read: false }),
    opt('password', 'string', null, ENV, 'Must match the server password.', { read: false }),
    opt('prompt', 'string', 'supervisor', ENV, 'Interactive prompt.', { read: false }),
    opt('history_file', 'path', null, HERE_ENV, 'readline history file.', { read: false }),
  ],
};

const rpcinterface: SectionSpec = {
  kind: 'rpcinterface',
  header: 'rpcinterface:',
  match: 'prefix',
  named: true,
  extraKeys: 'passed-on',
  readBySupervisord: true,
  doc: 'An RPC interface; every other key is passed to the factory.',
  options: [
    opt('supervisor.rpcinterface_factory', 'entrypoint', null, ENV, 'module:callable making the interface.', { required: true }),
  ],
};

const ctlplugin: SectionSpec = {
  kind: 'ctlplugin',
  header: 'ctlplugin:',
  match: 'prefix',
  named: true,
  extraKeys: 'passed-on',
  readBySupervisord: false,
  doc: 'A supervisorctl plugin.',
  options: [
    opt('supervisor.ctl_factory', 'entrypoint', null, ENV, 'module:callable making the plugin.', { read: false }),
  ],
};

const include: SectionSpec = {
  kind: 'include',
  header: 'include',
  match: 'exact',
  named: false,
  extraKeys: 'ignored',
  readBySupervisord: true,
  doc: 'Other files to read; only in the main file.',
  options: [
    opt('files', 'globlist', null, HERE_HOST_ENV, 'Whitespace separated globs, relative to the main file.', { required: true }),
  ],
};

const group: SectionSpec = {
  kind: 'group',
  header: 'group:',
  match: 'prefix',
  named: true,
  extraKeys: 'ignored',
  readBySupervisord: true,
  doc: 'A group of programs started and stopped together.',
  options: [
    opt('programs', 'stringlist', '', HERE_ENV, 'Comma separated [program:x] or [fcgi-program:x] names.'),
    opt('priority', 'integer', '999', HERE_ENV, 'Group start order: lower starts first and stops last.'),
  ],
};

/** Keys shared by program, eventlistener and fcgi-program. */
function processOptions(defaultPriority: string, groupLevel: readonly string[]): OptionSpec[] {
  const at = (key: string, names: readonly ExpansionName[]) => (groupLevel.includes(key) ? HERE_ENV : names);
  const logs = (ch: 'stdout' | 'stderr') => [
    opt(`${ch}_logfile`, 'logfile', 'AUTO', PROCESS, `File for the child's ${ch}: a path, AUTO, NONE; expanded twice.`, { passes: 2 }),
    opt(`${ch}_logfile_maxbytes`, 'bytesize', '50MB', PROCESS, `Rotate the ${ch} log at this size; 0 never rotates.`),
    opt(`${ch}_logfile_backups`, 'integer', '10', PROCESS, `Rotated ${ch} logs kept; 0 keeps none.`),
    opt(`${ch}_capture_maxbytes`, 'bytesize', '0', PROGRAM, `Capture mode buffer for ${ch}; 0 disables it.`),
    opt(`${ch}_events_enabled`, 'boolean', 'false', PROGRAM, `Emit PROCESS_LOG_${ch.toUpperCase()} events.`),
    opt(`${ch}_syslog`, 'boolean', 'false', PROCESS, `Also send ${ch} to syslog.`),
  ];
  return [
    opt('command', 'command', null, PROCESS, 'The program and its arguments (no shell; shlex rules).', { required: true }),
    opt('process_name', 'name', '%(program_name)s', PROCESS, 'Name template; needs %(process_num) when numprocs > 1.'),
    opt('numprocs', 'integer', '1', PROGRAM, 'How many processes; 0 or less means none.'),
    opt('numprocs_start', 'integer', '0', PROGRAM, 'First process_num.'),
    opt('priority', 'integer', defaultPriority, at('priority', PROGRAM), 'Lower starts first and stops last.'),
    opt('autostart', 'boolean', 'true', PROGRAM, 'Start when supervisord starts.'),
    opt('startsecs', 'integer', '1', PROGRAM, 'Seconds the process must stay up to count as started.'),
    opt('startretries', 'integer', '3', PROGRAM, 'Failed starts allowed before FATAL (quick exits only).'),
    opt('autorestart', 'autorestart', 'unexpected', PROGRAM, 'Restart after RUNNING: true, false or unexpected.'),
    opt('exitcodes', 'exitcodes', '0', PROGRAM, 'Expected exit codes for autorestart=unexpected.'),
    opt('stopsignal', 'signal', 'TERM', PROGRAM, 'Signal sent to stop: TERM, HUP, INT, QUIT, KILL, USR1, USR2.'),
    opt('stopwaitsecs', 'integer', '10', PROGRAM, 'Seconds to wait after stopsignal before SIGKILL.'),
    opt('stopasgroup', 'boolean', 'false', PROGRAM, 'Send the stop signal to the whole process group.'),
    opt('killasgroup', 'boolean', null, PROGRAM, 'Send SIGKILL to the whole process group (default: stopasgroup).'),
    opt('user', 'user', null, PROGRAM, 'Run as this user (supervisord must be root).'),
    opt('redirect_stderr', 'boolean', 'false', at('redirect_stderr', PROGRAM), "Send the child's stderr to its stdout log."),
    ...logs('stdout'),
    ...logs('stderr'),
    opt('environment', 'environment', null, PROCESS, 'KEY="value" pairs added to the environment.'),
    opt('directory', 'path', null, PROCESS, 'chdir here before exec (not checked at parse time).'),
    opt('umask', 'octal', null, PROGRAM, 'umask of the child (default: inherited).'),
    opt('serverurl', 'string', 'AUTO', PROGRAM, 'SUPERVISOR_SERVER_URL for the child; AUTO picks the server.'),
  ];
}

const program: SectionSpec = {
  kind: 'program',
  header: 'program:',
  match: 'prefix',
  named: true,
  extraKeys: 'ignored',
  readBySupervisord: true,
  doc: 'A program supervisord starts, watches and restarts.',
  options: processOptions('999', ['priority']),
};

const eventListenerGroupLevel = ['priority', 'buffer_size', 'result_handler', 'events', 'redirect_stderr'];
const eventlistener: SectionSpec = {
  kind: 'eventlistener',
  header: 'eventlistener:',
  match: 'prefix',
  named: true,
  extraKeys: 'ignored',
  readBySupervisord: true,
  doc: 'A pool of processes that receive supervisord events on stdin.',
  options: [
    ...processOptions('-1', eventListenerGroupLevel),
    opt('events', 'events', null, HERE_ENV, 'Comma separated event types to subscribe to.', { required: true }),
    opt('buffer_size', 'integer', '10', HERE_ENV, 'Event queue size; at least 1.', { min: 1 }),
    opt('result_handler', 'entrypoint', 'supervisor.dispatchers:default_handler', HERE_ENV, 'module:callable handling results.'),
  ],
};

const fcgiProgram: SectionSpec = {
  kind: 'fcgi-program',
  header: 'fcgi-program:',
  match: 'prefix',
  named: true,
  extraKeys: 'ignored',
  readBySupervisord: true,
  doc: 'A FastCGI program; its processes share one socket on fd 0.',
  options: [
    ...processOptions('999', ['priority', 'user']),
    opt('socket', 'fcgisocket', null, FCGI_SOCKET, 'unix:///absolute/path or tcp://host:port.', { required: true }),
    opt('socket_owner', 'usergroup', null, HERE_ENV, 'Owner of a unix socket, user or user:group.'),
    opt('socket_mode', 'octal', '0700', HERE_ENV, 'Mode of a unix socket.'),
    opt('socket_backlog', 'integer', null, HERE_ENV, 'listen() backlog, 1 to 65535.', { min: 1, max: 65535 }),
  ],
};

/** Every section type, in the order supervisord's documentation lists them. */
export const SECTIONS: readonly SectionSpec[] = [
  supervisord,
  unixHttpServer,
  inetHttpServer,
  supervisorctl,
  rpcinterface,
  ctlplugin,
  include,
  group,
  program,
  eventlistener,
  fcgiProgram,
];
