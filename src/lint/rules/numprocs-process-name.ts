import { refusalRule } from '../refusal.js';

export const numprocsProcessName = refusalRule({
  id: 'numprocs-process-name',
  description: "numprocs > 1 but process_name does not contain `%(process_num)`.",
  docs: "supervisord refuses to start with this file (an error).\n\nWith several processes, each needs its own name, so supervisord requires `%(process_num)` in `process_name` when `numprocs > 1` (`%(process_num) must be present within process_name when numprocs > 1`).\n\nBad:\n```ini\n[program:worker]\ncommand=/usr/bin/worker\nnumprocs=4\n```\n\nGood:\n```ini\n[program:worker]\ncommand=/usr/bin/worker\nnumprocs=4\nprocess_name=%(program_name)s_%(process_num)02d\n```",
});
