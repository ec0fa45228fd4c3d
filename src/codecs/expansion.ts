/**
 * Python's `template % names` (a dict), as supervisord's expand() applies it, with Python's
 * error messages. Values are str or int (supervisord's names: ENV_*, here, program_name... are
 * str; process_num and numprocs are int). The template's syntax is read in expansion-syntax.ts,
 * each conversion printed in expansion-convert.ts.
 */
import { fail, ok, type Result } from './types.js';
import { pyRepr } from './python.js';
import { DICT, FormatError, formatOne, type Arg } from './expansion-convert.js';
import { formatExpansionError } from './expansion-errors.js';
import { charsOf, joinChars, keyEnd, literalEnd, parseSpec } from './expansion-syntax.js';

export { formatExpansionError } from './expansion-errors.js';
export { bareSpecifiers, expansionNames, scanned, specifiers, type Specifier } from './expansion-specifiers.js';

export type ExpansionValue = string | number;
export type ExpansionNames = Readonly<Record<string, ExpansionValue>>;

/** Why an expansion failed: an unknown name (Python's KeyError) or a badly formatted template. */
export type ExpandFailure =
  | { ok: false; kind: 'unknown-name'; name: string; message: string }
  | { ok: false; kind: 'bad-format'; message: string };
export type ExpandResult = { ok: true; value: string } | ExpandFailure;

class UnknownName extends Error {
  constructor(readonly key: string) {
    super(pyRepr(key));
  }
}

/**
 * `template % names`. On failure: kind 'unknown-name' (message is Python's str(KeyError), the
 * quoted name) or 'bad-format' (message is Python's exception text).
 */
export function expand(template: string, names: ExpansionNames): ExpandResult {
  const s = charsOf(template);
  const n = s.length;
  let out = '';
  let pos = 0;
  // Python's argument cursor: one argument is there to take, the dict itself or, after a
  // `(key)`, that key's value; a second take is `not enough arguments`
  let args: Arg = DICT;
  let argidx = -2;
  const nextArg = (): Arg => {
    if (argidx < -1) {
      argidx++;
      return args;
    }
    throw new FormatError('not enough arguments for format string');
  };
  const starArg = (): number => {
    const v = nextArg();
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new FormatError('* wants int');
    return v;
  };
  try {
    while (pos < n) {
      if (s[pos] !== '%') {
        const end = literalEnd(s, pos);
        out += joinChars(s, pos, end);
        pos = end;
        continue;
      }
      pos++;
      if (pos < n && s[pos] === '%') {
        out += '%';
        pos++;
        continue;
      }
      if (pos < n && s[pos] === '(') {
        const end = keyEnd(s, pos);
        if (end < 0) throw new FormatError('incomplete format key');
        const key = joinChars(s, pos + 1, end - 1);
        if (!Object.prototype.hasOwnProperty.call(names, key)) throw new UnknownName(key);
        args = names[key]!;
        argidx = -2;
        pos = end;
      }
      const parsed = parseSpec(s, pos, starArg);
      if (!parsed) throw new FormatError('incomplete format');
      pos = parsed.end;
      out += formatOne(parsed.spec, nextArg(), names, pos - 1);
    }
  } catch (e) {
    if (e instanceof UnknownName) return { ok: false, kind: 'unknown-name', name: e.key, message: e.message };
    if (e instanceof FormatError) return { ok: false, kind: 'bad-format', message: e.message };
    throw e;
  }
  return { ok: true, value: out };
}

/** `expand` as a plain Result whose message is supervisord's full sentence. */
export function expandValue(
  template: string,
  names: ExpansionNames,
  optionLabel: string,
): Result<string> {
  const r = expand(template, names);
  return r.ok ? ok(r.value) : fail(formatExpansionError(template, optionLabel, r, Object.keys(names)));
}

/** Writes `%` so that `passes` expansions give the text back (0: as is, 1: %%, 2: %%%%). */
export function escapePercent(text: string, passes: 0 | 1 | 2): string {
  if (passes === 0) return text;
  return text.replace(/%/g, passes === 1 ? '%%' : '%%%%');
}
