/** Rules over worker descriptions report what the workers loader found (the generator's checks). */
import type { Diagnostic } from '../core/diagnostic.js';
import type { LintContext, Report } from './types.js';
import { diagnosticSpan } from './util.js';

/** Loader rule ids that have a rule of their own; anything else goes to workers-invalid. */
export const KNOWN: ReadonlySet<string> = new Set(['workers-syntax', 'workers-schema', 'workers-template', 'workers-invalid']);

export function reportWorkers(ctx: LintContext, report: Report, accept: (d: Diagnostic) => boolean): void {
  if (ctx.kind !== 'workers') return;
  for (const d of ctx.diagnostics) {
    if (!accept(d)) continue;
    report({ ...diagnosticSpan(d), severity: d.severity, message: d.message });
  }
}
