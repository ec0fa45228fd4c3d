/**
 * Runs rules over one lint context and turns their findings into diagnostics: rule id and
 * default severity stamped, missing end positions filled, disable comments applied, sorted.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { compareDiagnostics } from '../core/diagnostic.js';
import { applyDirectives, parseDirectives, type Directive } from './directives.js';
import type { Finding, LintContext, Rule } from './types.js';

export function runRules(ctx: LintContext, rules: readonly Rule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const defaultFile = ctx.kind === 'ini' ? ctx.mainFile : ctx.file;
  const target = ctx.kind === 'ini' ? 'ini' : 'workers';
  for (const rule of rules) {
    if ((rule.target ?? 'ini') !== target) continue;
    if (rule.host && !ctx.host) continue;
    rule.check(ctx, (f: Finding) => {
      // built key by key in this order (the order output shows), without spreading
      const d: Partial<Diagnostic> = { file: f.file ?? defaultFile, line: Math.max(1, f.line), column: Math.max(1, f.column) };
      if (f.endLine !== undefined) d.endLine = f.endLine;
      if (f.endColumn !== undefined) d.endColumn = f.endColumn;
      d.severity = f.severity ?? rule.severity;
      d.ruleId = rule.id;
      d.message = f.message;
      out.push(d as Diagnostic);
    });
  }
  return out;
}

/** Gives every diagnostic an end: the end of the source line when the rule did not say. */
export function fillEnds(diagnostics: Diagnostic[], sources: Record<string, string>): Diagnostic[] {
  const linesOf = perFile((file) => (sources[file] ?? '').split(/\r\n|\r|\n/));
  return diagnostics.map((d) => {
    if (d.endLine !== undefined && d.endColumn !== undefined) return d;
    const text = linesOf(d.file)[d.line - 1] ?? '';
    const endColumn = Math.max(d.column + 1, [...text.replace(/\s+$/, '')].length + 1);
    return { ...d, endLine: d.endLine ?? d.line, endColumn: d.endColumn ?? endColumn };
  });
}

/** Removes exact repeats (a file linted twice, e.g. included and also named on the command line). */
export function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const k = JSON.stringify([d.file, d.line, d.column, d.ruleId, d.message]);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Disable comments, sorting, ends: what every set of findings goes through before output. */
export function finish(diagnostics: Diagnostic[], sources: Record<string, string>): Diagnostic[] {
  const directivesOf = perFile((file): Directive[] => (sources[file] === undefined ? [] : parseDirectives(sources[file]!)));
  return fillEnds(dedupe(applyDirectives(diagnostics, directivesOf)), sources).sort(compareDiagnostics);
}

/** `make` run once per file: many diagnostics point into the same few files. */
function perFile<T>(make: (file: string) => T): (file: string) => T {
  const cache = new Map<string, T>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, make(file));
    return cache.get(file)!;
  };
}
