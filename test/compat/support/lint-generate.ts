// Seeded generator of whole supervisord configs for the lint fuzzer: a main file with
// [supervisord], some of the server/ctl/rpc sections, 1-5 programs, listeners and fcgi
// programs, sometimes groups, [DEFAULT] and an [include] of a generated conf.d file. Values are
// mostly what people write, sometimes a tricky one, so cross-section rules (groups, numprocs
// and process_name, servers, includes) get exercised in combinations the fixtures lack.
import { pick, type Rand } from '../../support/random.js';
import { TRICKY_VALUES } from './lint-mutate.js';

/** Sensible values by key, from real configs; `null` leaves the key out. */
const VALUES: Record<string, readonly string[]> = {
  command: [
    'php /var/www/html/artisan queue:work --sleep=3 --tries=3',
    '/srv/venv/bin/celery -A proj worker -l INFO',
    '/usr/bin/node /srv/app/server.js',
    "/bin/sh -c 'exec /srv/bin/run'",
    '/usr/sbin/nginx -g "daemon off;"',
    'bundle exec sidekiq -e production',
    '/bin/sleep 3600',
  ],
  process_name: ['%(program_name)s', '%(program_name)s_%(process_num)02d', '%(program_name)s-%(process_num)d', 'w%(process_num)s', '%(group_name)s-%(process_num)s'],
  numprocs: ['1', '1', '2', '4', '0'],
  numprocs_start: ['0', '1', '100'],
  priority: ['1', '10', '100', '999', '-1'],
  autostart: ['true', 'false'],
  autorestart: ['true', 'false', 'unexpected'],
  startsecs: ['0', '1', '5', '10'],
  startretries: ['3', '0', '10'],
  exitcodes: ['0', '0,2', '0,1'],
  stopsignal: ['TERM', 'QUIT', 'INT', 'KILL', 'HUP', 'USR2'],
  stopwaitsecs: ['10', '30', '600', '3600'],
  stopasgroup: ['true', 'false'],
  killasgroup: ['true', 'false'],
  user: ['root', 'nobody', 'www-data'],
  directory: ['/tmp', '%(here)s', '/srv/app'],
  umask: ['022', '002', '077'],
  redirect_stderr: ['true', 'false'],
  stdout_logfile: ['%(here)s/logs/%(program_name)s.log', '%(here)s/logs/%(program_name)s-%(process_num)s.log', 'AUTO', 'NONE', '/dev/stdout', 'logs/out.log'],
  stderr_logfile: ['%(here)s/logs/%(program_name)s.err', 'AUTO', 'NONE', '/dev/stderr'],
  stdout_logfile_maxbytes: ['50MB', '0', '10KB', '1GB'],
  stderr_logfile_maxbytes: ['50MB', '0'],
  stdout_logfile_backups: ['10', '0', '5'],
  stdout_capture_maxbytes: ['0', '1MB'],
  stdout_events_enabled: ['true', 'false'],
  stdout_syslog: ['true', 'false'],
  environment: ['APP_ENV="production"', 'A="1",B="2"', 'PATH="/srv/bin:%(ENV_PATH)s",HOME="%(ENV_HOME)s"', 'PORT="80%(process_num)02d"'],
  serverurl: ['AUTO', 'unix://%(here)s/run/s.sock'],
  events: ['PROCESS_STATE', 'PROCESS_STATE_EXITED', 'TICK_60', 'TICK_5,PROCESS_STATE_FATAL', 'PROCESS_LOG'],
  buffer_size: ['10', '50', '1'],
  result_handler: ['supervisor.dispatchers:default_handler'],
  socket: ['tcp://127.0.0.1:9000', 'unix://%(here)s/run/%(program_name)s.sock', 'tcp://0.0.0.0:90%(ENV_NUM)s'],
  socket_owner: ['www-data:www-data', 'nobody'],
  socket_mode: ['0660', '0700'],
  socket_backlog: ['128', '1024'],
  logfile: ['%(here)s/logs/supervisord.log', 'logs/supervisord.log', '/dev/null'],
  pidfile: ['%(here)s/run/supervisord.pid', 'run/supervisord.pid'],
  childlogdir: ['%(here)s/logs', 'logs'],
  loglevel: ['info', 'debug', 'warn', 'error', 'critical', 'trace', 'blather'],
  nodaemon: ['true', 'false'],
  minfds: ['1024', '4096'],
  identifier: ['supervisor', 'app'],
  file: ['%(here)s/run/supervisor.sock', '/tmp/gs-supervisor.sock'],
  chmod: ['0700', '0770', '0777'],
  chown: ['root:root', 'nobody:nogroup'],
  port: ['127.0.0.1:9001', '*:9001', '9001', 'localhost:9001'],
  username: ['admin', 'user'],
  password: ['secret', '{SHA}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4'],
};

const PROCESS_OPTIONAL = Object.keys(VALUES).filter((k) =>
  ['process_name', 'numprocs', 'numprocs_start', 'priority', 'autostart', 'autorestart', 'startsecs', 'startretries', 'exitcodes', 'stopsignal', 'stopwaitsecs', 'stopasgroup', 'killasgroup', 'user', 'directory', 'umask', 'redirect_stderr', 'stdout_logfile', 'stderr_logfile', 'stdout_logfile_maxbytes', 'stderr_logfile_maxbytes', 'stdout_logfile_backups', 'stdout_capture_maxbytes', 'stdout_events_enabled', 'stdout_syslog', 'environment', 'serverurl'].includes(k),
);

export interface GeneratedConfig {
  /** Files by path relative to the case folder; `supervisord.conf` is the main one. */
  files: Record<string, string>;
  main: string;
}

export function generateConfig(r: Rand, trickiness = 0.03): GeneratedConfig {
  const value = (key: string) => (r() < trickiness ? pick(r, TRICKY_VALUES) : pick(r, VALUES[key] ?? TRICKY_VALUES));
  const keys = (names: readonly string[], p: number) => names.filter(() => r() < p).map((k) => `${k}=${value(k)}`);
  const main: string[] = [];
  const conf: string[] = [];
  const section = (into: string[], header: string, body: string[]) => into.push(header, ...body, '');

  if (r() < 0.1) section(main, '[DEFAULT]', keys(['autostart', 'autorestart', 'stopwaitsecs', 'user', 'umask'], 0.4));
  if (r() < 0.4) section(main, '[unix_http_server]', [`file=${value('file')}`, ...keys(['chmod', 'chown'], 0.4), ...(r() < 0.3 ? [`username=${value('username')}`, `password=${value('password')}`] : [])]);
  if (r() < 0.3) section(main, '[inet_http_server]', [`port=${value('port')}`, ...(r() < 0.6 ? [`username=${value('username')}`, `password=${value('password')}`] : [])]);
  section(main, '[supervisord]', [
    `logfile=${value('logfile')}`,
    `pidfile=${value('pidfile')}`,
    ...keys(['childlogdir', 'loglevel', 'nodaemon', 'minfds', 'identifier'], 0.3),
    ...(r() < 0.15 ? [`environment=${value('environment')}`] : []),
    ...(r() < 0.15 ? [`user=${value('user')}`] : []),
  ]);
  if (r() < 0.5) section(main, '[rpcinterface:supervisor]', ['supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface']);
  if (r() < 0.3) section(main, '[supervisorctl]', ['serverurl=unix://%(here)s/run/supervisor.sock']);

  const programs: string[] = [];
  const count = 1 + Math.floor(r() * 5);
  for (let i = 0; i < count; i++) {
    const kind = pick(r, ['program', 'program', 'program', 'eventlistener', 'fcgi-program']);
    const name = pick(r, ['web', 'worker', 'queue', 'beat', 'api', 'cron', 'mailer', 'php']) + (r() < 0.5 ? `${i}` : '');
    const body = [`command=${value('command')}`, ...keys(PROCESS_OPTIONAL, 0.2)];
    if (kind === 'eventlistener') body.push(`events=${value('events')}`, ...keys(['buffer_size', 'result_handler'], 0.3));
    if (kind === 'fcgi-program') body.push(`socket=${value('socket')}`, ...keys(['socket_owner', 'socket_mode', 'socket_backlog'], 0.3));
    if (kind !== 'eventlistener') programs.push(name);
    section(r() < 0.3 ? conf : main, `[${kind}:${name}]`, body);
  }
  if (programs.length > 0 && r() < 0.35) {
    const members = programs.filter(() => r() < 0.7);
    section(main, `[group:${pick(r, ['app', 'workers', 'web'])}]`, [`programs=${members.join(',')}`, ...keys(['priority'], 0.3)]);
  }
  const files: Record<string, string> = {};
  if (conf.length > 0 || r() < 0.1) {
    section(main, '[include]', [`files=${pick(r, ['conf.d/*.conf', '%(here)s/conf.d/*.conf', 'conf.d/*.conf missing/*.conf'])}`]);
    files['conf.d/generated.conf'] = conf.join('\n');
  }
  files['supervisord.conf'] = main.join('\n');
  return { files, main: 'supervisord.conf' };
}
