import { refusalRule } from '../refusal.js';

export const requiredOption = refusalRule({
  id: 'required-option',
  description: "A required key is missing (`command`, `file`, `port`, `socket`, `events`, the rpc factory).",
  docs: "supervisord refuses to start with this file (an error).\n\nsupervisord refuses a `[program:x]` without `command` (unless numprocs is 0), an `[unix_http_server]` without `file`, an `[inet_http_server]` without `port`, an `[fcgi-program:x]` without `socket`, an `[eventlistener:x]` without `events` and an `[rpcinterface:x]` without `supervisor.rpcinterface_factory`.\n\nBad:\n```ini\n[program:web]\ndirectory=/srv\n```\n\nGood:\n```ini\n[program:web]\ncommand=/usr/bin/web\ndirectory=/srv\n```",
});
