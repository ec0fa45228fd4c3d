import { optionKeys, sectionSpec } from '../../catalogue/index.js';
import type { SectionKind } from '../../catalogue/types.js';
import type { IniLintContext, Rule } from '../types.js';
import { closest, didYouMean, keySpan } from '../util.js';
import { blocksOf, keysByKind, sectionSpecOf } from '../walk.js';

/** The keys optionSpec knows for a kind, as one set to ask for each of thousands of entries. */
function knownKeys(kind: SectionKind): ReadonlySet<string> {
  let keys = knownByKind.get(kind);
  if (!keys) knownByKind.set(kind, (keys = new Set(optionKeys(kind))));
  return keys;
}

const knownByKind = new Map<SectionKind, Set<string>>();

/** Whether a block of a kind whose keys are checked has a key its kind's catalogue lacks. */
function anyUnknownKey(ctx: IniLintContext): boolean {
  for (const [kind, keys] of keysByKind(ctx)) {
    if (kind === null || sectionSpec(kind).extraKeys === 'passed-on') continue;
    const known = knownKeys(kind);
    for (const key of keys) if (!known.has(key) && key !== '' && !key.startsWith('[')) return true;
  }
  return false;
}

export const unknownKey: Rule = {
  id: 'unknown-key',
  description: 'A key supervisord does not know in this section; it is ignored silently.',
  severity: 'warning',
  docs: `supervisord ignores every key it does not know, without a word. A typo such as
\`auto_restart\` or \`stdout_log\` therefore leaves the option at its default, and the config
looks right while it is not. The check uses the option catalogue of the section's type and
suggests the closest known key. (\`[rpcinterface:x]\` is checked by \`rpcinterface-extra-key\`.)

Bad:
\`\`\`ini
[program:web]
command=/usr/bin/web
auto_restart=true
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
autorestart=true
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !anyUnknownKey(ctx)) return;
    const blocks = blocksOf(ctx);
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.isDefault) continue;
      const spec = sectionSpecOf(b.name);
      if (!spec || spec.extraKeys === 'passed-on') continue;
      const kind = spec.kind;
      const known = knownKeys(kind);
      const entries = b.entries;
      for (let j = 0; j < entries.length; j++) {
        const e = entries[j]!;
        if (known.has(e.key) || e.key === '' || e.rawKey.startsWith('[')) continue;
        const hint = closest(e.key.replace(/[\s-]+/g, '_'), optionKeys(kind));
        report({
          ...keySpan(e),
          message: `Unknown key '${e.rawKey}' in [${b.name}]: ${spec.readBySupervisord ? 'supervisord' : 'supervisorctl'} ignores it${didYouMean(hint)}`,
        });
      }
    }
  },
};
