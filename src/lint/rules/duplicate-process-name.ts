import type { ResolvedProcess } from '../../config/types.js';
import type { Rule } from '../types.js';
import { sectionHeaderAt } from '../util.js';

const isShadowed = (p: ResolvedProcess): boolean => p.shadowed === true;

export const duplicateProcessName: Rule = {
  id: 'duplicate-process-name',
  description: 'Two processes of one group get the same name; only one of them exists.',
  severity: 'warning',
  docs: `Inside a group, processes are keyed by their expanded \`process_name\`. Two members with
the same process_name (or a template such as \`%%(process_num)d\` that gives every process the
same name) leave one process where several were meant; supervisord does not say so.

Bad:
\`\`\`ini
[group:workers]
programs=a,b

[program:a]
command=/usr/bin/a
process_name=worker

[program:b]
command=/usr/bin/b
process_name=worker
\`\`\`

Good:
\`\`\`ini
[group:workers]
programs=a,b

[program:a]
command=/usr/bin/a

[program:b]
command=/usr/bin/b
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !ctx.config) return;
    // A section supervisord refuses has no processes to clash; its names are only guesses.
    const refused = (section: string) => ctx.refusals.some((d) => d.message.includes(` in section '${section}'`));
    const groups = ctx.config.groups;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i]!;
      // the resolver marks a process whose name a later one of its group takes again
      if (!g.processes.some(isShadowed)) continue;
      const seen = new Map<string, string>();
      const reported = new Set<string>();
      for (const p of g.processes) {
        if (refused(p.sectionName)) continue;
        const prev = seen.get(p.name);
        if (prev !== undefined && !reported.has(`${p.sectionName}\0${p.name}`)) {
          reported.add(`${p.sectionName}\0${p.name}`);
          const at = sectionHeaderAt(ctx, p.sectionName) ?? p.at;
          report({ ...at, message: `Process name '${p.name}' is used twice in group '${g.name}' (also by [${prev}]): only one such process exists` });
        } else if (prev === undefined) seen.set(p.name, p.sectionName);
      }
    }
  },
};
