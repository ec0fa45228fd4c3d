import type { Rule } from '../types.js';
import { argvOf, isShell } from '../command-util.js';
import { sectionsOf, spanOf, valuePartSpan, entryOf } from '../util.js';

const OPERATORS = new Set(['&&', '||', '|', '>', '>>', '<', '2>&1', '&', ';', '2>', '1>', '&>']);
const BUILTINS = new Set(['source', '.', 'cd', 'export', 'exec', 'ulimit', 'set']);

export const shellSyntaxInCommand: Rule = {
  id: 'shell-syntax-in-command',
  description: 'Shell syntax (`&&`, `|`, `>`, `$VAR`, `~`, `source`) in a command that no shell runs.',
  severity: 'warning',
  docs: `supervisord splits \`command\` like a shell would quote words (shlex), then runs it
directly: there is no shell. \`&&\`, \`|\`, \`>\`, \`2>&1\` become arguments, \`$HOME\` stays the
literal text \`$HOME\`, \`~\` is not expanded and \`source\`/\`cd\` are not programs. Wrap it in
\`sh -c '...'\` (with \`exec\` for the last command, so signals reach it), or use supervisord's own
options (\`directory=\`, \`environment=\`, \`stdout_logfile=\`).

Bad:
\`\`\`ini
[program:web]
command=cd /srv/app && ./web > /var/log/web.log
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/srv/app/web
directory=/srv/app
stdout_logfile=/var/log/web.log
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const p of sectionsOf(ctx)) {
      const argv = argvOf(p.command);
      if (!argv || argv.length === 0 || isShell(argv)) continue;
      // every finding below needs one of these characters in the command (or a builtin first)
      if (!BUILTINS.has(argv[0]!) && !/[&|<>;$~`]/.test(p.command!)) continue;
      const entry = entryOf(ctx, p.sectionName, 'command');
      const at = (part: string) => (entry && entry.value === p.command ? valuePartSpan(entry, part) : spanOf(ctx, p.sectionName, 'command') ?? p.at);
      const op = argv.find((a) => OPERATORS.has(a) || /^[12]?>>?\S/.test(a) || a.startsWith('2>'));
      const variable = argv.find((a) => /\$(\{?[A-Za-z_][A-Za-z0-9_]*\}?|\(|\{)/.test(a));
      const tilde = argv.find((a) => /^~[A-Za-z0-9_.-]*(\/|$)/.test(a) || /=~\//.test(a));
      const backtick = argv.find((a) => a.includes('`'));
      let what: string | undefined;
      let part = '';
      if (BUILTINS.has(argv[0]!)) [what, part] = [`'${argv[0]}' is a shell builtin, not a program`, argv[0]!];
      else if (op) [what, part] = [`'${op}' is passed to the program as an argument (there is no shell)`, op];
      else if (variable) [what, part] = [`'${variable}' is passed literally: no shell expands variables (use %(ENV_NAME)s, or sh -c)`, variable];
      else if (tilde) [what, part] = [`'${tilde}': '~' is not expanded without a shell; write the full path`, tilde];
      else if (backtick) [what, part] = [`backticks in '${backtick}' are not run without a shell`, backtick];
      if (!what) continue;
      report({ ...at(part), message: `[${p.sectionName}] command: ${what}. Wrap the command in sh -c '... exec PROGRAM' or use supervisord's options` });
    }
  },
};
