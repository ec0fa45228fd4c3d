/** One finding, from any stage (INI reader, workers loader, linter, runner refusal). 1-based. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  ruleId: string;
  message: string;
}

/** Where something sits in a source file; 1-based line and column. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** `file:line:col: message`, the one way a located problem is written in plain text. */
export function formatLocated(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'message'>): string {
  return `${d.file}:${d.line}:${d.column}: ${d.message}`;
}
