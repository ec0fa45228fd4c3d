import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { Rule } from '../types.js';
import { programOf } from '../command-util.js';
import { commandPartSpan, sectionsOf } from '../util.js';

/** The inner map of `memo` under `key`, made on first use. */
function memoOf<V>(memo: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = memo.get(key);
  if (!inner) memo.set(key, (inner = new Map()));
  return inner;
}

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
    // by PATH then program, and by found file ('' for none) then program
    const onPath = new Map<string, Map<string, string | undefined>>();
    const problems = new Map<string, Map<string, string | undefined>>();
    // process.env answers each read with a fresh string
    const envPath = ctx.env.PATH;
    const sections = sectionsOf(ctx);
    for (let i = 0; i < sections.length; i++) {
      const p = sections[i]!;
      const prog = programOf(p.command);
      if (!prog) continue;
      let found: string | undefined;
      if (prog.includes('/')) found = isAbsolute(prog) ? prog : resolve(ctx.cwd, prog);
      else {
        const path = p.environment.PATH ?? envPath;
        const foundFor = memoOf(onPath, path ?? '');
        if (foundFor.has(prog)) found = foundFor.get(prog);
        else {
          const dirs = path ? path.split(delimiter) : ['/bin', '/usr/bin', '/usr/local/bin'];
          found = dirs.map((d) => join(d, prog)).find(exists);
          foundFor.set(prog, found);
        }
      }
      const problemFor = memoOf(problems, found ?? '');
      if (problemFor.has(prog)) {
        const known = problemFor.get(prog);
        if (known) report({ ...commandPartSpan(ctx, p, prog), message: `[${p.sectionName}] ${known}: supervisord will fail to spawn it and end FATAL` });
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
      problemFor.set(prog, problem);
      if (problem) report({ ...commandPartSpan(ctx, p, prog), message: `[${p.sectionName}] ${problem}: supervisord will fail to spawn it and end FATAL` });
    }
  },
};
