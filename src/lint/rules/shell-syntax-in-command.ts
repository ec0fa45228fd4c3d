import type { Rule } from '../types.js';
import { argvOf, isShell, unquoted } from '../command-util.js';
import { sectionsOf, spanOf, valuePartSpan, entryOf } from '../util.js';

const OPERATORS = new Set(['&&', '||', '|', '>', '>>', '<', '2>&1', '&', ';', '2>', '1>', '&>']);
const BUILTINS = new Set(['source', '.', 'cd', 'export', 'exec', 'ulimit', 'set']);

/**
 * Every finding needs one of these characters in the command, or a builtin as the program: one
 * test of the text, without splitting it. A builtin program is a builtin word at the start of
 * the command once its quoting is taken out.
 */
const SHELL_CHARS_OR_BUILTIN = new RegExp(`[&|<>;$~\`]|^[ \\t\\r\\n]*(?:${[...BUILTINS].map((b) => b.replace('.', '\\.')).join('|')})(?:[ \\t\\r\\n]|$)`);
// and first, in the text as written: a builtin starts with one of these letters
const SHELL_CHARS_OR_BUILTIN_START = new RegExp(`[&|<>;$~\`]|^[ \\t\\r\\n'"\\\\]*[${[...new Set([...BUILTINS].map((b) => b[0]))].join('')}]`);
const mayUseShell = (command: string): boolean => SHELL_CHARS_OR_BUILTIN_START.test(command) && SHELL_CHARS_OR_BUILTIN.test(unquoted(command));

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
    const sections = sectionsOf(ctx);
    for (let i = 0; i < sections.length; i++) {
      const p = sections[i]!;
      if (p.command === null || !mayUseShell(p.command)) continue;
      const argv = argvOf(p.command);
      if (!argv || argv.length === 0 || isShell(argv)) continue;
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
