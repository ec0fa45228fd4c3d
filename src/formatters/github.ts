import type { Formatter } from './context.js';
import { displayPath } from './context.js';

// Workflow command escaping, as @actions/core does it.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions annotations: one `::error` / `::warning` command per finding. */
export const formatGithub: Formatter = (diagnostics, ctx) =>
  diagnostics
    .map((d) => {
      const props = [
        `file=${escapeProperty(displayPath(d.file, ctx.cwd))}`,
        `line=${d.line}`,
        `col=${d.column}`,
        ...(d.endLine !== undefined ? [`endLine=${d.endLine}`] : []),
        ...(d.endColumn !== undefined ? [`endColumn=${d.endColumn}`] : []),
        `title=${escapeProperty(d.ruleId)}`,
      ];
      return `::${d.severity} ${props.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
