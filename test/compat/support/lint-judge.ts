// The agreement rule between supervisord's verdict on a config and the linter's report:
// an error exactly when supervisord refuses, supervisord's message word for word inside one of
// our errors (paths compared relative to the case folder), no throw, no hang, JSON that parses.
import type { OracleResult } from '../../support/supervisord.js';
import type { LintOutcome } from './lint-pool.js';

export type Disagreement =
  | 'agree'
  | 'lint-threw'
  | 'lint-hung'
  | 'lint-slow'
  | 'bad-json'
  | 'supervisor-crashed'
  | 'false-error'
  | 'missed-refusal'
  | 'message-mismatch';

export interface Judgement {
  kind: Disagreement;
  /** supervisord's message (normalised), when it refused. */
  oracle: string | null;
  /** Our error messages (normalised). */
  errors: string[];
  detail: string;
}

/** Paths inside the case folder become relative, the way the linter shows them. */
export function normalisePaths(text: string, dir: string): string {
  return text.split(`${dir}/`).join('');
}

const JSON_KEYS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message'];

/** null when `text` is the DESIGN §3 JSON array for these diagnostics; else what is wrong. */
export function jsonProblem(text: string | undefined, expected: number): string | null {
  if (text === undefined) return 'no JSON output';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return `JSON.parse failed: ${(e as Error).message}`;
  }
  if (!Array.isArray(parsed)) return 'not an array';
  if (parsed.length !== expected) return `${parsed.length} entries for ${expected} diagnostics`;
  for (const d of parsed as Record<string, unknown>[]) {
    const keys = Object.keys(d);
    if (keys.join() !== JSON_KEYS.join()) return `entry keys ${keys.join()}`;
    if (d.severity !== 'error' && d.severity !== 'warning') return `severity ${String(d.severity)}`;
    for (const k of ['line', 'column', 'endLine', 'endColumn']) if (!Number.isInteger(d[k]) || (d[k] as number) < 1) return `${k}=${String(d[k])}`;
  }
  return null;
}

export function judge(o: OracleResult, l: LintOutcome, dir: string, budgetMs: number): Judgement {
  const errors = (l.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => normalisePaths(d.message, dir));
  const oracle = o.accepted ? null : normalisePaths(o.message ?? o.crash ?? o.stderr, dir);
  const j = (kind: Disagreement, detail: string): Judgement => ({ kind, oracle, errors, detail });
  if (l.hung) return j('lint-hung', `lintFiles still running after ${Math.round(l.ms)} ms`);
  if (l.thrown !== undefined) return j('lint-threw', l.thrown);
  if (l.ms > budgetMs) return j('lint-slow', `lintFiles took ${Math.round(l.ms)} ms (budget ${budgetMs} ms)`);
  const bad = jsonProblem(l.json, l.diagnostics!.length);
  if (bad) return j('bad-json', bad);
  // A traceback while parsing: supervisord exits 1 without starting, so it counts as a refusal.
  if (o.crash) return errors.length > 0 ? j('agree', 'supervisor crashed') : j('supervisor-crashed', `supervisor crashed while parsing; we report no error:\n${o.crash}`);
  if (o.accepted && errors.length > 0) return j('false-error', `supervisord accepts; we report:\n${errors.join('\n')}`);
  if (!o.accepted && errors.length === 0) return j('missed-refusal', `supervisord refuses: ${oracle}\nwe report no error`);
  if (!o.accepted && !errors.some((e) => e.includes(oracle!))) {
    return j('message-mismatch', `supervisord: ${oracle}\nours:\n${errors.join('\n')}`);
  }
  return j('agree', '');
}
