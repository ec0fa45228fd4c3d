import { refusalRule } from '../refusal.js';

export const hostEnv = refusalRule({
  id: 'host-env',
  description: "(--host) `%(ENV_X)s` where X is not set in this environment.",
  docs: "supervisord refuses to start with this file (an error).\n\n`ENV_X` names come from supervisord's own environment when it starts. With `--host`, an unset variable is the error supervisord would report (`contains names ('ENV_X') which cannot be expanded`). Without `--host` the lint is portable and does not judge the environment.\n\nBad:\n```ini\n[program:web]\ncommand=/usr/bin/web --token %(ENV_GEN_SUPERVISOR_SURELY_UNSET)s\n```\n\nGood:\n```ini\n[program:web]\ncommand=/usr/bin/web --home %(ENV_HOME)s\n```",
  host: true,
});
