/**
 * How `%` is written in workers.yaml (documented in docs and the schema):
 *   - `%(name)CONV` (a Python format spec: `%(process_num)02d`, `%(ENV_HOME)s`) is a supervisord
 *     expansion, kept as is and checked against the names that key really has;
 *   - `%%` is one literal `%` (so `%%(x)s` is the literal text `%(x)s`), as in supervisord;
 *   - any other `%` is a literal `%` (`100%`, `date +%s`).
 * The generator writes each literal `%` as supervisord needs it for that key (`%%`, or `%%%%`
 * where supervisord expands twice).
 */
import type { ExpansionName } from '../catalogue/types.js';
import { type Result, fail, ok } from '../codecs/types.js';

export type Segment = { kind: 'text'; text: string } | { kind: 'expansion'; name: string; text: string };

const SPEC = /^%\(([^()]*)\)([-+ #0]*)(\d*)(?:\.(\d*))?([hlL]?)(.?)/;
const NUMERIC = new Set(['process_num', 'numprocs']);
const CONVERSIONS = 'diouxXeEfFgGcrsa';

function checkSpec(m: RegExpExecArray): string | null {
  // Indexes, not array destructuring: that goes through the iterator protocol, slow in cold code.
  const text = m[0];
  const name = m[1];
  const conv = m[6];
  if (conv === '' || !CONVERSIONS.includes(conv!)) {
    const got = conv === '' ? 'nothing' : JSON.stringify(conv);
    return `${JSON.stringify(text)} is not a complete supervisord expansion: after %(${name}) comes a conversion such as s or 02d, not ${got}; write %% for a literal %`;
  }
  if (!NUMERIC.has(name!) && !'sra'.includes(conv!)) {
    return `${JSON.stringify(text)}: ${name} is text, so its conversion must be s (as in %(${name})s)`;
  }
  return null;
}

/** Literal text and kept expansions, or why the text cannot be read. */
export function segments(value: string): Result<Segment[]> {
  // Most values have no `%` at all: one text segment (none for '').
  let next = value.indexOf('%');
  if (next === -1) return ok(value ? [{ kind: 'text', text: value }] : []);
  const out: Segment[] = [];
  let text = '';
  let i = 0;
  while (next !== -1) {
    text += value.slice(i, next);
    i = next;
    if (value.startsWith('%%', i)) {
      text += '%';
      i += 2;
    } else if (value.startsWith('%(', i)) {
      const m = SPEC.exec(value.slice(i));
      if (!m || value.indexOf(')', i) === -1) {
        return fail(`${JSON.stringify(value.slice(i))}: %( starts a supervisord expansion that is never closed; write %% for a literal %`);
      }
      const full = m[0];
      const problem = checkSpec(m);
      if (problem) return fail(problem);
      if (text) out.push({ kind: 'text', text });
      text = '';
      out.push({ kind: 'expansion', name: m[1]!, text: full });
      i += full.length;
    } else {
      text += '%';
      i++;
    }
    next = value.indexOf('%', i);
  }
  text += value.slice(i);
  if (text) out.push({ kind: 'text', text });
  return ok(out);
}

export function hasExpansion(segs: readonly Segment[]): boolean {
  return segs.some((s) => s.kind === 'expansion');
}

/** The text the segments mean with no expansion in them. */
export function literalText(segs: readonly Segment[]): string {
  return segs.map((s) => s.text).join('');
}

/** Is `name` one of the names the key offers (`ENV` stands for every ENV_X)? */
export function nameAvailable(name: string, names: readonly ExpansionName[]): boolean {
  if (name.startsWith('ENV_') && name.length > 4) return names.includes('ENV');
  return name !== 'ENV' && (names as readonly string[]).includes(name);
}

/** The names of a key as a reader would write them. */
export function describeNames(names: readonly ExpansionName[]): string {
  if (names.length === 0) return 'none: supervisord does not expand this key';
  return names.map((n) => (n === 'ENV' ? 'ENV_*' : n)).join(', ');
}
