import type { Rule } from '../types.js';
import { headerSpan, kindOf, pushTo } from '../util.js';
import { PROCESS_KINDS, sectionsOfKinds } from '../walk.js';

export const nameClash: Rule = {
  id: 'name-clash',
  description: 'A group, program, eventlistener or fcgi-program shares its name with another; supervisord silently drops one.',
  severity: 'warning',
  docs: `supervisord turns \`[group:x]\`, and every \`[program:x]\`, \`[eventlistener:x]\` and
\`[fcgi-program:x]\` that is not in a group, into process groups named \`x\`. Two with the same
name are accepted when the file is read, but at startup only the first (by priority, then
group < program < eventlistener < fcgi-program) is added; the other is dropped without a word.

Bad:
\`\`\`ini
[program:mail]
command=/usr/bin/mailer

[eventlistener:mail]
command=/usr/bin/mail-alerts
events=PROCESS_STATE_FATAL
\`\`\`

Good:
\`\`\`ini
[program:mail]
command=/usr/bin/mailer

[eventlistener:mail-alerts]
command=/usr/bin/mail-alerts
events=PROCESS_STATE_FATAL
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    const members = new Set<string>();
    for (const s of sectionsOfKinds(ctx, ['group'])) {
      for (const m of (s.get('programs')?.value ?? '').split(',')) members.add(m.trim());
    }
    const byName = new Map<string, string[]>();
    for (const s of sectionsOfKinds(ctx, ['group', ...PROCESS_KINDS])) {
      const kind = kindOf(s.name);
      const name = s.name.slice(s.name.indexOf(':') + 1).trim();
      if ((kind === 'program' || kind === 'fcgi-program') && members.has(name)) continue;
      pushTo(byName, name, s.name);
    }
    for (const [name, sections] of byName) {
      if (sections.length < 2) continue;
      for (const sec of sections.slice(1)) {
        const block = ctx.ini.section(sec)!.occurrences[0]!;
        const others = sections.filter((x) => x !== sec).map((x) => `[${x}]`).join(', ');
        report({ ...headerSpan(block), message: `[${sec}] makes a process group named '${name}', like ${others}: supervisord keeps only one of them at startup and silently drops the other` });
      }
    }
  },
};
