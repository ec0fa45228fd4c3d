import type { Diagnostic } from '../core/diagnostic.js';
import type { Formatter } from './context.js';
import { displayPath, splitSource } from './context.js';

const codes = { red: [31, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22], cyan: [36, 39] } as const;
type Style = keyof typeof codes;

/**
 * One block per finding: `file:line:col: severity: message [rule]`, then the source line and a
 * caret under the columns it covers; a summary at the end. Colour only when asked.
 */
export const formatStylish: Formatter = (diagnostics, ctx) => {
  const paint = (style: Style, s: string) => (ctx.color ? `\u001b[${codes[style][0]}m${s}\u001b[${codes[style][1]}m` : s);
  let out = '';
  // Split each file once: a big config can have thousands of findings.
  const lines = new Map<string, string[]>();
  const linesOf = (file: string) => {
    let l = lines.get(file);
    if (!l) lines.set(file, (l = splitSource(ctx.sources[file])));
    return l;
  };
  for (const d of diagnostics) {
    const sev = d.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warning');
    out += `${paint('bold', `${displayPath(d.file, ctx.cwd)}:${d.line}:${d.column}`)}: ${sev}: ${d.message} ${paint('dim', `[${d.ruleId}]`)}\n`;
    out += excerpt(d, linesOf(d.file)[d.line - 1], paint);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length) {
    const summary = `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    out += `\n${paint(errors ? 'red' : 'yellow', paint('bold', summary))}\n`;
  }
  return out;
};

function excerpt(d: Diagnostic, line: string | undefined, paint: (s: Style, t: string) => string): string {
  if (line === undefined) return '';
  const shown = line.replace(/\t/g, ' ');
  const num = String(d.line);
  const gutter = ' '.repeat(num.length);
  // Columns count code points (as the INI reader does); the caret row must too.
  const chars = [...shown];
  const start = Math.min(Math.max(d.column - 1, 0), chars.length);
  const end = d.endLine === undefined || d.endLine === d.line ? Math.min(Math.max((d.endColumn ?? d.column + 1) - 1, start + 1), Math.max(chars.length, start + 1)) : Math.max(chars.length, start + 1);
  const caret = ' '.repeat(start) + '^'.repeat(Math.max(1, end - start));
  return `  ${paint('dim', `${num} |`)} ${shown}\n  ${paint('dim', `${gutter} |`)} ${paint(d.severity === 'error' ? 'red' : 'yellow', caret)}\n`;
}
