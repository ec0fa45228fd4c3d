import { reportRefusals } from '../refusal.js';
import type { Rule } from '../types.js';

/** Refusals of a family no other rule carries (so every error still has a rule and a page). */
export const supervisordRefusal: Rule = {
  id: 'supervisord-refusal',
  description: 'supervisord refuses this file for a reason no more specific rule describes.',
  severity: 'error',
  docs: `supervisord would stop with this message when reading the file. The message is
supervisord's own text (after \`Error: \`). More specific rules carry most refusals; this one
catches the rest so that no refusal is ever lost.`,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    reportRefusals(ctx, report, (d) => !ctx.coveredRefusalIds.has(d.ruleId));
  },
};
