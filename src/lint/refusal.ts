/** Rules that carry the resolver's refusals: supervisord would not start with this file. */
import type { Diagnostic } from '../core/diagnostic.js';
import type { LintContext, Report, Rule } from './types.js';
import { diagnosticSpan } from './util.js';

export interface RefusalRuleSpec {
  id: string;
  description: string;
  docs: string;
  host?: boolean;
  /** Resolver rule ids reported by this rule (default: its own id). */
  families?: readonly string[];
  /** Text appended to supervisord's message (after it, never instead of it). */
  hint?: (d: Diagnostic) => string | undefined;
}

export function reportRefusals(ctx: LintContext, report: Report, accept: (d: Diagnostic) => boolean, hint?: (d: Diagnostic) => string | undefined): void {
  if (ctx.kind !== 'ini') return;
  for (const d of ctx.refusals) {
    if (!accept(d)) continue;
    const extra = hint?.(d);
    report({
      ...diagnosticSpan(d),
      severity: 'error',
      message: extra ? `${d.message}. ${extra}` : d.message,
    });
  }
}

export function refusalRule(spec: RefusalRuleSpec): Rule {
  const families = spec.families ?? [spec.id];
  return {
    id: spec.id,
    description: spec.description,
    severity: 'error',
    docs: spec.docs,
    families,
    ...(spec.host ? { host: true } : {}),
    check(ctx, report) {
      reportRefusals(ctx, report, (d) => families.includes(d.ruleId), spec.hint);
    },
  };
}
