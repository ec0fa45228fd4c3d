import type { Rule } from '../types.js';
import type { SectionKind } from '../../catalogue/types.js';
import { headerSpan, pushTo } from '../util.js';
import { PROCESS_KINDS, sectionNamesOfKinds, sectionSpecOf, sectionsOfKinds } from '../walk.js';

const GROUP: readonly SectionKind[] = ['group'];
const KINDS: readonly SectionKind[] = ['group', ...PROCESS_KINDS];

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
    for (const s of sectionsOfKinds(ctx, GROUP)) {
      for (const m of (s.get('programs')?.value ?? '').split(',')) members.add(m.trim());
    }
    // the group name of each section that makes a group (null for group members), and whether
    // any two are alike: usually none is, and then no list per name is needed
    const sections = sectionNamesOfKinds(ctx, KINDS);
    const names: (string | null)[] = new Array(sections.length);
    const seen = new Set<string>();
    let clash = false;
    for (let i = 0; i < sections.length; i++) {
      const section = sections[i]!;
      const name = section.slice(section.indexOf(':') + 1).trim();
      const kind = sectionSpecOf(section)!.kind;
      names[i] = (kind === 'program' || kind === 'fcgi-program') && members.has(name) ? null : name;
      if (names[i] === null) continue;
      if (seen.has(name)) clash = true;
      else seen.add(name);
    }
    if (!clash) return;
    const byName = new Map<string, string[]>();
    for (let i = 0; i < sections.length; i++) if (names[i] !== null) pushTo(byName, names[i]!, sections[i]!);
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
