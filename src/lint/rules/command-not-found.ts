import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { Rule } from '../types.js';
import { argvOf } from '../command-util.js';
import { commandPartSpan, sectionsOf } from '../util.js';

export const commandNotFound: Rule = {
  id: 'command-not-found',
  description: "(--host) The program of a command is not found or not executable on this machine.",
  severity: 'warning',
  docs: `With \`--host\`, the linter looks the program up the way supervisord does at spawn time:
a name with a \`/\` as is (relative to supervisord's working directory), otherwise in the
program's own \`environment=\` PATH, else supervisord's PATH. supervisord itself accepts the file
and then fails at runtime (\`can't find command\`, \`is not executable\`), ending FATAL.

Bad:
\`\`\`ini
[program:web]
command=/usr/bin/no-such-program-here
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/bin/sh -c 'exec sleep 60'
\`\`\``,
  host: true,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !ctx.host) return;
    // many sections run the same program: look each one up once
    const exists = (f: string): boolean => {
      try {
        return statSync(f, { throwIfNoEntry: false }) !== undefined;
      } catch {
        return false;
      }
    };
    const problems = new Map<string, string | undefined>();
    const onPath = new Map<string, string | undefined>();
    for (const p of sectionsOf(ctx)) {
      const argv = argvOf(p.command);
      const prog = argv?.[0];
      if (!prog) continue;
      const at = commandPartSpan(ctx, p, prog);
      let found: string | undefined;
      if (prog.includes('/')) found = isAbsolute(prog) ? prog : resolve(ctx.cwd, prog);
      else {
        const path = p.environment.PATH ?? ctx.env.PATH;
        const pathKey = `${path ?? ''}\0${prog}`;
        if (onPath.has(pathKey)) found = onPath.get(pathKey);
        else {
          const dirs = path ? path.split(delimiter) : ['/bin', '/usr/bin', '/usr/local/bin'];
          found = dirs.map((d) => join(d, prog)).find(exists);
          onPath.set(pathKey, found);
        }
      }
      const memoKey = `${found ?? ''}\0${prog}`;
      if (problems.has(memoKey)) {
        const known = problems.get(memoKey);
        if (known) report({ ...at, message: `[${p.sectionName}] ${known}: supervisord will fail to spawn it and end FATAL` });
        continue;
      }
      let problem: string | undefined;
      try {
        if (!found) throw new Error('missing');
        const st = statSync(found);
        if (st.isDirectory()) problem = `command at '${found}' is a directory`;
        else if (!(st.mode & 0o111)) problem = `command at '${found}' is not executable`;
        else {
          try {
            accessSync(found, constants.X_OK);
          } catch {
            problem = `no permission to run command '${found}'`;
          }
        }
      } catch {
        problem = `can't find command '${prog}'`;
      }
      problems.set(memoKey, problem);
      if (problem) report({ ...at, message: `[${p.sectionName}] ${problem}: supervisord will fail to spawn it and end FATAL` });
    }
  },
};
