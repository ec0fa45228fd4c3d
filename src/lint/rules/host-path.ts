import { refusalRule } from '../refusal.js';

export const hostPath = refusalRule({
  id: 'host-path',
  description: "(--host) A folder that does not exist on this machine (log folders, childlogdir, directory).",
  docs: "supervisord refuses to start with this file (an error).\n\nsupervisord checks, when it reads the file, that the folder of every log file exists, and that `childlogdir` and `[supervisord] directory` are existing folders (`The directory named as part of the path ... does not exist`). Only checked with `--host`.\n\nBad:\n```ini\n[program:web]\ncommand=/usr/bin/web\nstdout_logfile=/no/such/folder/web.log\n```\n\nGood:\n```ini\n[program:web]\ncommand=/usr/bin/web\nstdout_logfile=/tmp/web.log\n```",
  host: true,
});
