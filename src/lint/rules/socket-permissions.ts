import { statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Rule } from '../types.js';
import { sectionHeaderAt, spanOf } from '../util.js';

// Folders every user may write to: anyone can plant or race a socket there.
const SHARED = ['/tmp', '/var/tmp', '/dev/shm'];

export const socketPermissions: Rule = {
  id: 'socket-permissions',
  description: 'A control socket others may use: world-writable chmod, or a shared folder like /tmp without a tight chmod.',
  severity: 'warning',
  docs: `Whoever can write to the \`[unix_http_server]\` socket controls supervisord (and, when it
runs as root, runs commands as root through it). \`chmod=0777\` or \`0766\` lets every local user
in; a socket in \`/tmp\` with a mode that gives others any access is exposed the same way,
and \`/tmp\` is also wiped by tmpfiles cleaners. Keep the socket in \`/run\` or \`/var/run\` with
\`chmod=0700\` (the default) or \`0770\` plus \`chown\`.

Bad:
\`\`\`ini
[unix_http_server]
file=/tmp/supervisor.sock
chmod=0777
\`\`\`

Good:
\`\`\`ini
[unix_http_server]
file=/run/supervisor.sock
chmod=0700
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !ctx.config) return;
    for (const s of ctx.config.servers) {
      if (s.kind !== 'unix') continue;
      const mode = `0${s.chmod.toString(8)}`;
      const at = spanOf(ctx, s.section, 'chmod') ?? spanOf(ctx, s.section, 'file') ?? sectionHeaderAt(ctx, s.section) ?? s.at;
      if (s.chmod & 0o002) {
        report({ ...at, message: `[${s.section}] chmod=${mode} lets every local user write to the control socket, i.e. control supervisord: use 0700, or 0770 with chown` });
        continue;
      }
      const folder = dirname(isAbsolute(s.file) ? s.file : resolve(ctx.cwd, s.file));
      let shared = SHARED.includes(folder);
      if (!shared && ctx.host) {
        try {
          shared = (statSync(folder).mode & 0o002) !== 0;
        } catch {
          shared = false;
        }
      }
      if (shared && s.chmod & 0o007) {
        report({ ...(spanOf(ctx, s.section, 'file') ?? at), message: `The control socket ${s.file} is in the world-writable folder ${folder} with chmod=${mode}: other users can reach it; move it to /run (or /var/run) or use chmod=0700` });
      }
    }
  },
};
