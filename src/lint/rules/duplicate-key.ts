import type { IniEntry } from '../../ini/types.js';
import type { Rule } from '../types.js';
import { keySpan, pushTo } from '../util.js';
import { mayRepeatKeys } from '../walk.js';

export const duplicateKey: Rule = {
  id: 'duplicate-key',
  description: 'A key is set twice in the same section; supervisord keeps the last value silently.',
  severity: 'warning',
  docs: `In a section (including one repeated or continued in an \`[include]\`d file), a key
written twice keeps only its last value; supervisord says nothing. Both places are reported so
the one that is ignored is easy to find.

Bad:
\`\`\`ini
[program:web]
command=/usr/bin/web
autostart=true
autostart=false
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
autostart=false
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !mayRepeatKeys(ctx)) return;
    const sections = new Map<string, Map<string, IniEntry[]>>();
    for (const doc of ctx.docs) {
      for (const b of doc.sections) {
        const keys = sections.get(b.name) ?? new Map<string, IniEntry[]>();
        sections.set(b.name, keys);
        for (const e of b.entries) {
          if (e.key === '') continue;
          pushTo(keys, e.key, e);
        }
      }
    }
    const where = (e: IniEntry) => `${ctx.displayPath(e.file)}:${e.keyPos.line}`;
    for (const [section, keys] of sections) {
      for (const [key, entries] of keys) {
        if (entries.length < 2) continue;
        const last = entries[entries.length - 1]!;
        for (const e of entries.slice(0, -1)) {
          report({ ...keySpan(e), message: `Key '${key}' in [${section}] is set again at ${where(last)}: this value is ignored` });
        }
        report({ ...keySpan(last), message: `Key '${key}' in [${section}] was already set at ${entries.slice(0, -1).map(where).join(', ')}: this last value wins` });
      }
    }
  },
};
