/**
 * One conversion of `template % names`: the value a spec takes (a name's value, or the whole
 * dict for a bare specifier) printed as Python prints it, or Python's TypeError/ValueError text.
 */
import { pyRepr } from './python.js';
import type { ExpansionNames, ExpansionValue } from './expansion.js';
import { formatFloat, pyFloatRepr } from './expansion-float.js';
import type { Spec } from './expansion-syntax.js';

/** A TypeError or ValueError of Python's formatter: its message is Python's. */
export class FormatError extends Error {}

/** The argument of a bare specifier: with a dict on the right of `%`, it is the dict itself. */
export const DICT = Symbol('dict');
export type Arg = ExpansionValue | typeof DICT;

const typeName = (v: Arg): string => (v === DICT ? 'dict' : typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : 'str');

// a safe integer prints the same through String (no exponent below 2**53)
const strOf = (v: number): string => (Number.isSafeInteger(v) ? String(v) : Number.isInteger(v) ? BigInt(v).toString() : pyFloatRepr(v));

function dictRepr(names: ExpansionNames): string {
  return `{${Object.entries(names)
    .map(([k, v]) => `${pyRepr(k)}: ${typeof v === 'string' ? pyRepr(v) : strOf(v)}`)
    .join(', ')}}`;
}

/** Pads a formatted number: sign, then prefix, then zeros (with `0`), as CPython does. */
function outputNumber(spec: Spec, negative: boolean, prefix: string, digits: string): string {
  let sign = negative ? '-' : spec.sign ? '+' : spec.blank ? ' ' : '';
  const len = sign.length + prefix.length + digits.length;
  if (spec.width > len) {
    if (spec.ljust) return sign + prefix + digits + ' '.repeat(spec.width - len);
    if (spec.zero) return sign + prefix + '0'.repeat(spec.width - len) + digits;
    return ' '.repeat(spec.width - len) + sign + prefix + digits;
  }
  return sign + prefix + digits;
}

function pad(spec: Spec, text: string): string {
  const len = Array.from(text).length;
  if (spec.width <= len) return text;
  return spec.ljust ? text + ' '.repeat(spec.width - len) : ' '.repeat(spec.width - len) + text;
}

/** `v` printed by `spec`; `index`: the conversion character's, for Python's message. */
export function formatOne(spec: Spec, v: Arg, names: ExpansionNames, index: number): string {
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
      const t = Math.trunc(v);
      const negative = t < 0;
      // safe integers print exactly as numbers; beyond, through BigInt
      const abs: number | bigint = Number.isSafeInteger(t) ? Math.abs(t) : negative ? -BigInt(t) : BigInt(t);
      let digits = ch === 'o' ? abs.toString(8) : ch === 'x' ? abs.toString(16) : ch === 'X' ? abs.toString(16).toUpperCase() : abs.toString();
      if (spec.prec > digits.length) digits = '0'.repeat(spec.prec - digits.length) + digits;
      const prefix = spec.alt && ch !== 'd' && ch !== 'i' && ch !== 'u' ? `0${ch}` : '';
      return outputNumber(spec, negative, prefix, digits);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      if (typeof v !== 'number') throw new FormatError(`must be real number, not ${typeName(v)}`);
      const text = formatFloat(Math.abs(v), ch, spec.prec < 0 ? 6 : spec.prec, spec.alt);
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
