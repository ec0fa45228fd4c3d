import type { Formatter } from './context.js';

/** DESIGN §3: an array of findings with fixed keys, `[]` when clean. */
export const formatJson: Formatter = (diagnostics) =>
  JSON.stringify(
    diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine ?? d.line,
      endColumn: d.endColumn ?? d.column,
      severity: d.severity,
      ruleId: d.ruleId,
      message: d.message,
    })),
    null,
    2,
  ) + '\n';
