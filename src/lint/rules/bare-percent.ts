import { optionSpec } from '../../catalogue/index.js';
import { bareSpecifiers } from '../../codecs/expansion.js';
import type { Rule } from '../types.js';
import { offsetSpan } from '../util.js';
import { entriesWithUnnamedPercent, sectionSpecOf } from '../walk.js';

export const barePercent: Rule = {
  id: 'bare-percent',
  description: 'A bare `%s`/`%r` in an expanded value silently becomes the whole expansion dictionary.',
  severity: 'warning',
  docs: `supervisord expands values with Python's \`value % names\`. A \`%s\` (or \`%r\`, \`%a\`) without
a \`(name)\` formats the whole dictionary: \`command=/bin/date +%s\` runs
\`/bin/date +{'ENV_HOME': '/root', ..., 'program_name': 'clock'}\`, with no error. Other bare
specifiers (\`%d\`, \`50% off\`) are refused (rule \`expansion\`). Write \`%%\` for a literal \`%\`
(\`%%%%\` in log file names and \`[supervisord] environment\`).

Bad:
\`\`\`ini
[program:clock]
command=/bin/date +%s
\`\`\`

Good:
\`\`\`ini
[program:clock]
command=/bin/date +%%s
\`\`\``,
  check(ctx, report) {
    // a specifier that starts `%(` has a name: values with only those cannot hold a bare one
    if (ctx.kind !== 'ini' || entriesWithUnnamedPercent(ctx).length === 0) return;
    for (const s of ctx.ini.sections) {
      const kind = sectionSpecOf(s.name)?.kind;
      if (!kind) continue;
      for (const e of s.entries()) {
        if (!e.readValue.includes('%')) continue;
        const spec = optionSpec(kind, e.key);
        if (!spec || spec.expansion.passes === 0 || !spec.readBySupervisord) continue;
        for (const b of bareSpecifiers(e.readValue)) {
          if (!'sra'.includes(b.conversion)) continue;
          const offset = [...e.readValue].slice(0, b.index).join('').length;
          report({ ...offsetSpan(e, offset, b.text.length), message: `'${b.text}' in ${e.key} has no (name): supervisord inserts its whole dictionary of names here; write '%${b.text}' for a literal '${b.text}'` });
        }
      }
    }
  },
};
