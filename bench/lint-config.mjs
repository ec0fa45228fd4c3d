// The configs bench/lint.mjs and bench/lint-phases.mjs measure: a 16,000-line file of 2,000
// programs in four real-world shapes (numprocs 4 each: 8,000 processes) and a one-program file.
// Keys rotate through the shapes of real workers (Laravel, Celery, Node, Sidekiq); every
// program is 8 lines: header, 6 keys, a blank line.
export const SHAPES = [
  (i) => [
    `command=php /var/www/app${i}/artisan queue:work redis --queue=q${i} --sleep=3 --tries=3 --max-time=3600`,
    `process_name=%(program_name)s_%(process_num)02d`,
    `numprocs=4`,
    `autorestart=true`,
    `stdout_logfile=%(here)s/logs/%(program_name)s-%(process_num)02d.log`,
    `stopwaitsecs=3600`,
  ],
  (i) => [
    `command=/srv/venv/bin/celery -A proj${i} worker -l INFO --concurrency=2`,
    `process_name=celery-${i}-%(process_num)d`,
    `numprocs=4`,
    `directory=/tmp`,
    `environment=DJANGO_SETTINGS_MODULE="proj${i}.settings",PYTHONUNBUFFERED="1"`,
    `stderr_logfile=%(here)s/logs/celery-${i}-%(process_num)d.err`,
  ],
  (i) => [
    `command=/usr/bin/node /srv/app${i}/server.js --port 8%(process_num)03d`,
    `process_name=%(program_name)s-%(process_num)d`,
    `numprocs=4`,
    `user=nobody`,
    `stdout_logfile=%(here)s/logs/node-${i}-%(process_num)d.log`,
    `stdout_logfile_maxbytes=20MB`,
  ],
  (i) => [
    `command=/bin/sh -c 'exec bundle exec sidekiq -e production -q q${i}'`,
    `process_name=sidekiq_${i}_%(process_num)s`,
    `numprocs=4`,
    `stopsignal=TERM`,
    `stopasgroup=true`,
    `redirect_stderr=true`,
  ],
];

export function bigConfig(programs) {
  const out = [
    '[unix_http_server]',
    'file=%(here)s/run/supervisor.sock',
    '',
    '[supervisord]',
    'logfile=%(here)s/logs/supervisord.log',
    'pidfile=%(here)s/run/supervisord.pid',
    'childlogdir=%(here)s/logs',
    '',
    '[rpcinterface:supervisor]',
    'supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface',
    '',
    '[supervisorctl]',
    'serverurl=unix://%(here)s/run/supervisor.sock',
    '',
  ];
  for (let i = 0; i < programs; i++) out.push(`[program:app${i}]`, ...SHAPES[i % SHAPES.length](i), '');
  return out.join('\n');
}

export const SMALL = `[supervisord]
logfile=%(here)s/logs/supervisord.log
pidfile=%(here)s/run/supervisord.pid

[program:worker]
command=php /var/www/app/artisan queue:work --sleep=3 --tries=3
process_name=%(program_name)s_%(process_num)02d
numprocs=2
autorestart=true
stdout_logfile=%(here)s/logs/worker.log
`;

