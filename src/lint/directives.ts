/**
 * Disable comments, in INI (`;` or `#`) and YAML (`#`) files:
 *   ; gen-supervisor-disable-next-line RULE[, RULE...]   the next line
 *   ; gen-supervisor-disable-line RULE                   this line (after a value)
 *   ; gen-supervisor-disable RULE                        from here to `enable` or the end
 *   ; gen-supervisor-enable RULE
 * No rule names means every rule. Text after ` -- ` is a free explanation.
 */
import type { Diagnostic } from '../core/diagnostic.js';

export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable';
  line: number;
  column: number;
  /** Empty: every rule. */
  rules: string[];
}

// A comment starts at a `;`/`#` at the start of the line or after white space (supervisord's rule).
const DIRECTIVE = /(?:^|\s)([;#])\s*gen-supervisor-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*)$/;

export function parseDirectives(text: string): Directive[] {
  const out: Directive[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const m = DIRECTIVE.exec(raw);
    if (!m) return;
    const rest = m[3]!.split(/\s--\s|\s--$/)[0]!;
    const rules = rest.split(/[\s,]+/).filter(Boolean);
    out.push({ kind: m[2] as Directive['kind'], line: i + 1, column: m.index + m[0].indexOf(m[1]!) + 1, rules });
  });
  return out;
}

const covers = (d: Directive, ruleId: string) => d.rules.length === 0 || d.rules.includes(ruleId);

/** Whether a finding at `line` of this file, from `ruleId`, is switched off. */
export function isDisabled(directives: readonly Directive[], line: number, ruleId: string): boolean {
  let blockOff = false;
  for (const d of directives) {
    if (d.line > line) break;
    if (d.kind === 'disable' && covers(d, ruleId)) blockOff = true;
    else if (d.kind === 'enable' && covers(d, ruleId)) blockOff = false;
    else if (d.kind === 'disable-next-line' && d.line === line - 1 && covers(d, ruleId)) return true;
    else if (d.kind === 'disable-line' && d.line === line && covers(d, ruleId)) return true;
  }
  return blockOff;
}

/** Drop the findings that disable comments switch off; `directivesOf` gives a file's comments. */
export function applyDirectives(diagnostics: Diagnostic[], directivesOf: (file: string) => readonly Directive[]): Diagnostic[] {
  return diagnostics.filter((d) => !isDisabled(directivesOf(d.file), d.line, d.ruleId));
}

/** Rule names used in directives that no rule has (so a typo does not silently disable nothing). */
export function unknownDirectiveRules(directives: readonly Directive[], known: ReadonlySet<string>): Array<{ directive: Directive; rule: string }> {
  const out: Array<{ directive: Directive; rule: string }> = [];
  for (const d of directives) for (const r of d.rules) if (!known.has(r)) out.push({ directive: d, rule: r });
  return out;
}
