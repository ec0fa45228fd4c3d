import { refusalRule } from '../refusal.js';
import { missingConversionHint } from '../hints.js';

export const expansion = refusalRule({
  id: 'expansion',
  description: "A `%` expansion supervisord cannot format (unknown name, missing conversion character, bare `%`).",
  docs: "supervisord refuses to start with this file (an error).\n\nsupervisord expands values with Python's `%` operator. `%(process_num)` needs a conversion character (`%(process_num)02d` or `%(process_num)s`); a literal `%` must be written `%%` (`%%%%` in log file names and `[supervisord] environment`, which are expanded twice); a name must be one the section offers (`program_name`, `process_num`, `group_name`, `numprocs`, `here`, `host_node_name`, `ENV_X`).\n\nBad:\n```ini\n[program:my-app]\ncommand=/usr/bin/worker\nprocess_name=my-app-worker-%(process_num)\n```\n\nGood:\n```ini\n[program:my-app]\ncommand=/usr/bin/worker\nprocess_name=my-app-worker-%(process_num)02d\n```",
  hint: missingConversionHint,
});
