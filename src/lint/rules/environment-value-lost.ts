import { environmentReport } from '../../codecs/environment.js';
import type { Rule } from '../types.js';
import { offsetSpan } from '../util.js';
import { anyWritten, keysIn, PROCESS_KINDS } from '../walk.js';

const KINDS = [...PROCESS_KINDS, 'supervisord'] as const;

/**
 * `KEY=value,KEY="value",KEY='value'`: the lexer reads each pair as the four tokens KEY, `=`,
 * value, `,` (a key of word characters, a quoted value up to its closing quote, a `,` of its
 * own), so nothing is lost. Most values are written so; only the others need the lexer.
 */
const WORD = `[\\w/.+\\-():]+`;
const PAIR = `${WORD}=(?:${WORD}|"[^"]*"|'[^']*')`;
const PLAIN = new RegExp(`^${PAIR}(?:,${PAIR})*$`);

export const environmentValueLost: Rule = {
  id: 'environment-value-lost',
  description: "Part of an `environment=` value silently lost by supervisord's parser (unquoted spaces, `#`, quoted keys).",
  severity: 'warning',
  docs: `supervisord reads \`environment=\` with a non-POSIX shlex and takes tokens four at a time
(KEY, =, VALUE, separator) without checking the separator. An unquoted value stops at the first
space or special character: \`A=hello world\` sets \`A=hello\` and drops \`world\`;
\`URL=http://h/p?x=1\` becomes \`URL=http://h/p\` plus a variable \`x\`; \`#\` starts a comment that
eats the rest of the line. Always double-quote values: \`A="hello world",URL="http://h/p?x=1"\`.

Bad:
\`\`\`ini
[program:web]
command=/usr/bin/web
environment=MODE=prod,GREETING=hello world
\`\`\`

Good:
\`\`\`ini
[program:web]
command=/usr/bin/web
environment=GREETING="hello world",MODE="prod"
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini' || !anyWritten(ctx, ['environment'], (e) => !PLAIN.test(e.readValue))) return;
    for (const { entry: e } of keysIn(ctx, KINDS, ['environment'])) {
      const text = e.readValue;
      const r = environmentReport(text);
      if (!r.ok) continue;
      for (const t of r.value.dropped) {
        report({ ...offsetSpan(e, t.offset, t.text.length), message: `environment: '${t.text}' is silently dropped (an unquoted value ends at a space or special character); double-quote the value` });
      }
      for (const c of r.value.comments) {
        report({ ...offsetSpan(e, c.offset, c.text.replace(/\n$/, '').length), message: `environment: '#' starts a comment here, so '${c.text.replace(/\n$/, '')}' is dropped; double-quote the value` });
      }
      for (const k of r.value.quotedKeys) {
        report({ ...offsetSpan(e, k.offset, k.text.length), message: `environment: the key ${k.text} keeps its quotes (the variable is named ${k.text}, quotes included); write the key without quotes` });
      }
    }
  },
};
