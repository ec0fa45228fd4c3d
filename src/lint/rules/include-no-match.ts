import type { Rule } from '../types.js';
import { valuePartSpan } from '../util.js';

export const includeNoMatch: Rule = {
  id: 'include-no-match',
  description: 'An `[include]` pattern that matches no file (supervisord only logs a WARN).',
  severity: 'warning',
  docs: `Patterns in \`[include] files\` are relative to the folder of the **main** config file (not
the working directory), split on white space (a path with spaces cannot be included), and a
pattern that matches nothing is only a WARN line in the log: the programs you expected are
simply not there.

Bad:
\`\`\`ini
[supervisord]

[include]
files = conf.d/*.ini
\`\`\`

Good:
\`\`\`ini
[supervisord]

[include]
files = conf.d/*.conf
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !ctx.config) return;
    const main = ctx.docs[0];
    const entry = main?.sections.filter((b) => b.name === 'include').flatMap((b) => b.entries.filter((e) => e.key === 'files')).pop();
    if (!entry) return;
    const tokens = entry.value.split(/\s+/).filter(Boolean);
    for (const w of ctx.config.parseWarnings) {
      const m = /^No file matches via include "(.*)"$/.exec(w);
      if (!m) continue;
      const pattern = m[1]!;
      const token = tokens.find((t) => pattern === t || pattern.endsWith(`/${t.replace(/^\.\//, '')}`));
      report({ ...(token ? valuePartSpan(entry, token) : valuePartSpan(entry, entry.value)), message: `No file matches the include pattern ${pattern} (patterns are relative to the main file's folder)` });
    }
  },
};
