/**
 * Python's `template % names` (a dict), as supervisord's expand() applies it, with Python's
 * error messages. Values are str or int (supervisord's names: ENV_*, here, program_name... are
 * str; process_num and numprocs are int).
 */
import { fail, ok, type Result } from './types.js';
import { pyCompare, pyRepr } from './python.js';

export type ExpansionValue = string | number;
export type ExpansionNames = Readonly<Record<string, ExpansionValue>>;

/** Why an expansion failed: an unknown name (Python's KeyError) or a badly formatted template. */
export type ExpandFailure =
  | { ok: false; kind: 'unknown-name'; name: string; message: string }
  | { ok: false; kind: 'bad-format'; message: string };
export type ExpandResult = { ok: true; value: string } | ExpandFailure;

class FormatError extends Error {}

const DICT = Symbol('dict');
type Arg = ExpansionValue | typeof DICT;

const typeName = (v: Arg): string => (v === DICT ? 'dict' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : 'str');

function pyFloatRepr(v: number): string {
  if (Number.isInteger(v)) return Math.abs(v) < 1e16 ? `${v}.0` : formatFloat(v, 'r', -1, false);
  return formatFloat(v, 'r', -1, false);
}

function dictRepr(names: ExpansionNames): string {
  return `{${Object.entries(names)
    .map(([k, v]) => `${pyRepr(k)}: ${typeof v === 'string' ? pyRepr(v) : strOf(v)}`)
    .join(', ')}}`;
}

const strOf = (v: number): string => (Number.isInteger(v) ? BigInt(v).toString() : pyFloatRepr(v));

/** Python's exponent format: at least two digits. */
const fixExponent = (s: string): string => s.replace(/e([+-])(\d)$/, 'e$10$2');

/** PyOS_double_to_string for e, f, g ('r' = repr, approximated). */
function formatFloat(v: number, type: string, prec: number, alt: boolean): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const lower = type.toLowerCase();
  const upper = type !== lower;
  let out: string;
  if (lower === 'r') {
    const s = String(v);
    out = s.includes('e') ? fixExponent(s.replace(/e(\d)/, 'e+$1')) : s;
  } else if (lower === 'f') {
    out = Math.abs(v).toFixed(prec);
    if (v < 0 || Object.is(v, -0)) out = '-' + out;
    if (alt && prec === 0) out += '.';
  } else if (lower === 'e') {
    out = fixExponent(v.toExponential(prec));
    if (alt && prec === 0) out = out.replace('e', '.e');
  } else {
    const p = prec === 0 ? 1 : prec;
    const exp = v === 0 ? 0 : Number(v.toExponential(p - 1).split('e')[1]);
    if (exp >= -4 && exp < p) {
      out = v.toFixed(p - 1 - exp);
      if (!alt && out.includes('.')) out = out.replace(/\.?0+$/, '');
      else if (alt && !out.includes('.')) out += '.';
    } else {
      out = v.toExponential(p - 1);
      if (!alt) out = out.replace(/\.?0+e/, 'e');
      else if (!out.includes('.')) out = out.replace('e', '.e');
      out = fixExponent(out);
    }
  }
  return upper ? out.toUpperCase() : out;
}

interface Spec {
  flags: { ljust: boolean; sign: boolean; blank: boolean; alt: boolean; zero: boolean };
  width: number;
  prec: number;
  ch: string;
}

/** Pads a formatted number: sign, then prefix, then zeros (with `0`), as CPython does. */
function outputNumber(spec: Spec, negative: boolean, prefix: string, digits: string): string {
  let sign = negative ? '-' : spec.flags.sign ? '+' : spec.flags.blank ? ' ' : '';
  const len = sign.length + prefix.length + digits.length;
  if (spec.width > len) {
    if (spec.flags.ljust) return sign + prefix + digits + ' '.repeat(spec.width - len);
    if (spec.flags.zero) return sign + prefix + '0'.repeat(spec.width - len) + digits;
    return ' '.repeat(spec.width - len) + sign + prefix + digits;
  }
  return sign + prefix + digits;
}

function pad(spec: Spec, text: string): string {
  const len = Array.from(text).length;
  if (spec.width <= len) return text;
  return spec.flags.ljust ? text + ' '.repeat(spec.width - len) : ' '.repeat(spec.width - len) + text;
}

function formatOne(spec: Spec, v: Arg, names: ExpansionNames, index: number): string {
  const ch = spec.ch;
  switch (ch) {
    case 's':
    case 'r':
    case 'a': {
      let text: string;
      if (v === DICT) text = ch === 's' || ch === 'r' ? dictRepr(names) : dictRepr(names).replace(/[^\x00-\x7f]/gu, (c) => pyRepr(c, true).slice(1, -1));
      else if (typeof v === 'number') text = strOf(v);
      else text = ch === 's' ? v : pyRepr(v, ch === 'a');
      if (spec.prec >= 0) text = Array.from(text).slice(0, spec.prec).join('');
      return pad(spec, text);
    }
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
      if (typeof v !== 'number') {
        const what = ch === 'o' || ch === 'x' || ch === 'X' ? 'an integer' : 'a real number';
        throw new FormatError(`%${ch} format: ${what} is required, not ${typeName(v)}`);
      }
      if (!Number.isInteger(v) && (ch === 'o' || ch === 'x' || ch === 'X')) {
        throw new FormatError(`%${ch} format: an integer is required, not float`);
      }
      const n = BigInt(Math.trunc(v));
      const negative = n < 0n;
      const abs = negative ? -n : n;
      let digits = ch === 'o' ? abs.toString(8) : ch === 'x' ? abs.toString(16) : ch === 'X' ? abs.toString(16).toUpperCase() : abs.toString();
      if (spec.prec > digits.length) digits = '0'.repeat(spec.prec - digits.length) + digits;
      const prefix = spec.flags.alt && ch !== 'd' && ch !== 'i' && ch !== 'u' ? `0${ch}` : '';
      return outputNumber(spec, negative, prefix, digits);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      if (typeof v !== 'number') throw new FormatError(`must be real number, not ${typeName(v)}`);
      const text = formatFloat(Math.abs(v), ch, spec.prec < 0 ? 6 : spec.prec, spec.flags.alt);
      const negative = v < 0 || Object.is(v, -0);
      return outputNumber(spec, negative, '', text);
    }
    case 'c': {
      if (typeof v === 'number' && Number.isInteger(v)) {
        if (v < 0 || v > 0x10ffff) throw new FormatError('%c arg not in range(0x110000)');
        return pad(spec, String.fromCodePoint(v));
      }
      if (typeof v === 'string' && Array.from(v).length === 1) return pad(spec, v);
      throw new FormatError('%c requires int or char');
    }
    default: {
      const cp = ch.codePointAt(0) ?? 0;
      const shown = cp >= 31 && cp <= 126 ? ch : '?';
      throw new FormatError(`unsupported format character '${shown}' (0x${cp.toString(16)}) at index ${index}`);
    }
  }
}

/**
 * The template as expand() walks it: by code points (Python indexes a str by them, and the
 * `at index N` of a message counts them), which are plain UTF-16 units when there is no
 * surrogate, so the string itself serves and no array is built.
 */
const HAS_SURROGATE = /[\uD800-\uDFFF]/;
type Chars = string | string[];
const charsOf = (template: string): Chars => (HAS_SURROGATE.test(template) ? Array.from(template) : template);
const joinChars = (s: Chars, from: number, to: number): string => (typeof s === 'string' ? s.slice(from, to) : s.slice(from, to).join(''));
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

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
  let args: Arg = DICT;
  let argidx = -2;
  const nextArg = (): Arg => {
    if (argidx < -1) {
      argidx++;
      return args;
    }
    throw new FormatError('not enough arguments for format string');
  };
  try {
    while (pos < n) {
      const c = s[pos]!;
      if (c !== '%') {
        if (typeof s === 'string') {
          // the run of literal text up to the next `%`, at once
          const next = s.indexOf('%', pos);
          const end = next < 0 ? n : next;
          out += s.slice(pos, end);
          pos = end;
        } else {
          out += c;
          pos++;
        }
        continue;
      }
      pos++;
      if (pos < n && s[pos] === '%') {
        out += '%';
        pos++;
        continue;
      }
      if (pos < n && s[pos] === '(') {
        pos++;
        const keyStart = pos;
        let depth = 1;
        while (depth > 0 && pos < n) {
          if (s[pos] === ')') depth--;
          else if (s[pos] === '(') depth++;
          pos++;
        }
        if (depth > 0) throw new FormatError('incomplete format key');
        const key = joinChars(s, keyStart, pos - 1);
        if (!Object.prototype.hasOwnProperty.call(names, key)) throw new UnknownName(key);
        args = names[key]!;
        argidx = -2;
      }
      const spec: Spec = { flags: { ljust: false, sign: false, blank: false, alt: false, zero: false }, width: -1, prec: -1, ch: '' };
      const read = (): string | undefined => (pos < n ? s[pos++] : undefined);
      let ch = read();
      for (; ch !== undefined; ch = read()) {
        if (ch === '-') spec.flags.ljust = true;
        else if (ch === '+') spec.flags.sign = true;
        else if (ch === ' ') spec.flags.blank = true;
        else if (ch === '#') spec.flags.alt = true;
        else if (ch === '0') spec.flags.zero = true;
        else break;
      }
      const star = (what: 'width' | 'prec'): void => {
        const v = nextArg();
        if (typeof v !== 'number' || !Number.isInteger(v)) throw new FormatError('* wants int');
        if (what === 'width') {
          spec.width = Math.abs(v);
          if (v < 0) spec.flags.ljust = true;
        } else spec.prec = Math.max(0, v);
        ch = read();
      };
      if (ch === '*') star('width');
      else if (ch !== undefined && ch >= '0' && ch <= '9') {
        spec.width = Number(ch);
        for (ch = read(); ch !== undefined && ch >= '0' && ch <= '9'; ch = read()) spec.width = spec.width * 10 + Number(ch);
      }
      if (ch === '.') {
        spec.prec = 0;
        ch = read();
        if (ch === '*') star('prec');
        else if (ch !== undefined && ch >= '0' && ch <= '9') {
          spec.prec = Number(ch);
          for (ch = read(); ch !== undefined && ch >= '0' && ch <= '9'; ch = read()) spec.prec = spec.prec * 10 + Number(ch);
        }
      }
      if (ch === 'h' || ch === 'l' || ch === 'L') ch = read();
      if (ch === undefined) throw new FormatError('incomplete format');
      spec.ch = ch;
      const v = nextArg();
      out += formatOne(spec, v, names, pos - 1);
    }
  } catch (e) {
    if (e instanceof UnknownName) return { ok: false, kind: 'unknown-name', name: e.key, message: e.message };
    if (e instanceof FormatError) return { ok: false, kind: 'bad-format', message: e.message };
    throw e;
  }
  return { ok: true, value: out };
}

/**
 * supervisord's sentence for a failed expansion (options.expand), without the
 * ` in section '...' (file: '...')` suffix that process sections add.
 */
export function formatExpansionError(
  template: string,
  optionLabel: string,
  err: ExpandFailure,
  availableNames: Iterable<string>,
): string {
  if (err.kind === 'unknown-name') {
    const available = [...availableNames].sort(pyCompare).join(', ');
    return `Format string ${pyRepr(template)} for ${pyRepr(optionLabel)} contains names (${err.message}) which cannot be expanded. Available names: ${available}`;
  }
  return `Format string ${pyRepr(template)} for ${pyRepr(optionLabel)} is badly formatted: ${err.message}`;
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

export interface Specifier {
  /** the `(name)` or null for a bare specifier */
  name: string | null;
  /** the conversion character */
  conversion: string;
  /** code point index of the `%` in the template */
  index: number;
  /** the whole specifier text, `%(name)05d` */
  text: string;
}

/** Every conversion in the template, in order (stops at the first syntax error). */
export function specifiers(template: string): Specifier[] {
  const found: Specifier[] = [];
  if (!template.includes('%')) return found;
  const s = charsOf(template);
  let pos = 0;
  while (pos < s.length) {
    if (s[pos] !== '%') {
      if (typeof s === 'string') {
        const next = s.indexOf('%', pos);
        pos = next < 0 ? s.length : next;
      } else pos++;
      continue;
    }
    const start = pos++;
    if (s[pos] === '%') {
      pos++;
      continue;
    }
    let name: string | null = null;
    if (s[pos] === '(') {
      pos++;
      const keyStart = pos;
      let depth = 1;
      while (depth > 0 && pos < s.length) {
        if (s[pos] === ')') depth--;
        else if (s[pos] === '(') depth++;
        pos++;
      }
      if (depth > 0) break;
      name = joinChars(s, keyStart, pos - 1);
    }
    while (pos < s.length && '-+ #0'.includes(s[pos]!)) pos++;
    if (s[pos] === '*') pos++;
    else while (pos < s.length && isDigit(s[pos])) pos++;
    if (s[pos] === '.') {
      pos++;
      if (s[pos] === '*') pos++;
      else while (pos < s.length && isDigit(s[pos])) pos++;
    }
    if (pos < s.length && 'hlL'.includes(s[pos]!)) pos++;
    if (pos >= s.length) break;
    const conversion = s[pos++]!;
    found.push({ name, conversion, index: start, text: joinChars(s, start, pos) });
  }
  return found;
}

/** The names a template uses through `%(name)`, in order of first use. */
export function expansionNames(template: string): string[] {
  return [...new Set(specifiers(template).flatMap((sp) => (sp.name === null ? [] : [sp.name])))];
}

/**
 * Bare specifiers (`%s`, `%5s`, `%r`, `%d`...) with no `(name)`: with a dict, a lone `%s`/`%r`/`%a`
 * silently inserts the whole dict's repr, and the others fail. For the linter.
 */
export function bareSpecifiers(template: string): Specifier[] {
  return specifiers(template).filter((sp) => sp.name === null);
}
