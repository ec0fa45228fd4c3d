import { refusalRule } from '../refusal.js';

export const hostUser = refusalRule({
  id: 'host-user',
  description: "(--host) A user or group that does not exist on this machine.",
  docs: "supervisord refuses to start with this file (an error).\n\nsupervisord resolves `user=`, `chown=` and `socket_owner=` when it reads the file, and stops on a name this machine does not know (`Invalid user name X`). Only checked with `--host`, since CI is not the production box.\n\nBad:\n```ini\n[program:web]\ncommand=/usr/bin/web\nuser=no-such-user-here\n```\n\nGood:\n```ini\n[program:web]\ncommand=/usr/bin/web\nuser=root\n```",
  host: true,
});
