import type { IniEntry } from '../../ini/types.js';
import type { Rule } from '../types.js';

// Keys where a comment-looking tail is much more likely to be part of the value.
const VALUE_KEYS = new Set(['command', 'password', 'environment', 'username', 'serverurl', 'process_name', 'directory', 'stdout_logfile', 'stderr_logfile', 'logfile', 'file']);

function unbalancedQuotes(text: string): boolean {
  return (text.split("'").length - 1) % 2 === 1 || (text.split('"').length - 1) % 2 === 1;
}

/**
 * The entry with a value line at `line`. Entries are in line order, each ending (endLine) before
 * the next starts, and a line with an inline comment has text, so it is at most its entry's
 * endLine: a binary search, rather than a map of every line of a file for a few comments.
 */
function entryOnLine(entries: readonly IniEntry[], line: number): IniEntry | undefined {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.endLine < line) lo = mid + 1;
    else hi = mid;
  }
  const e = entries[lo];
  return e && e.lines.some((l) => l.line === line) ? e : undefined;
}

export const inlineCommentCut: Rule = {
  id: 'inline-comment-cut',
  description: 'A value is cut short by a `;` or `#` after white space, which supervisord reads as a comment.',
  severity: 'warning',
  docs: `supervisord ends a value at \`;\` or \`#\` when the character before it is white space,
and quotes do not protect it. \`command=bash -c 'a ; b'\` runs \`bash -c 'a\` (then fails with
\`No closing quotation\`), \`password=abc #1\` sets the password \`abc\`. The rule warns when the
cut leaves an open quote, or when the comment starts right after the \`;\`/\`#\` in a key whose
value may well contain one (command, password, environment...). There is no escape: remove
the space before the character, or move the logic into a script.

Bad:
\`\`\`ini
[program:job]
command=bash -c 'cd /srv ; ./run'
\`\`\`

Good:
\`\`\`ini
[program:job]
command=bash -c 'cd /srv; ./run'
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const doc of ctx.docs) {
      for (const c of doc.comments) {
        if (c.kind !== 'inline') continue;
        const entry = entryOnLine(doc.entries, c.line);
        if (!entry) continue;
        const valueLine = entry.lines.find((l) => l.line === c.line);
        const kept = valueLine?.text ?? '';
        const afterPrefix = c.text.slice(1);
        const glued = afterPrefix !== '' && !/^[\s;#]/.test(afterPrefix);
        const open = unbalancedQuotes(kept);
        if (!open && !(glued && VALUE_KEYS.has(entry.key))) continue;
        const line = doc.lines[c.line - 1] ?? '';
        report({
          file: doc.file,
          line: c.line,
          column: c.column,
          endLine: c.line,
          endColumn: [...line.replace(/\s+$/, '')].length + 1,
          message: `The value of '${entry.key}' is cut at '${c.text[0]}' (a space before it starts a comment): supervisord reads "${kept}" and drops "${c.text}"${open ? ', which leaves a quote open' : ''}. Remove the white space before '${c.text[0]}' or move this into a script`,
        });
      }
    }
  },
};
