/**
 * The later processes of a section worked out from its first one. supervisord reads every key
 * again for each of `numprocs` processes; when the only name that differs between them is
 * process_num printed as a decimal number, each later process is the first with those few
 * values re-printed, and big configs (thousands of processes) resolve in a fraction of the time.
 * Whatever this cannot show to be alike is left to the full reading (the caller's fallback).
 */
import type { IniConfigSection } from '../ini/index.js';
import { specifiers } from '../codecs/expansion.js';
import { formatOne } from '../codecs/expansion-convert.js';
import { charsOf, joinChars, type Spec } from '../codecs/expansion-syntax.js';
import type { Resolver } from './context.js';
import type { LayeredNames } from './names.js';
import { sameForEveryProcess } from './process-reads.js';
import type { ResolvedProcess } from './types.js';

/** Conversions that print an int as decimal digits (and sign or padding): nothing else. */
const DECIMAL = new Set(['d', 'i', 'u', 's', 'r']);

/** A template split at its process_num conversions: pieces[0] num pieces[1] num ... pieces[n]. */
interface NumTemplate {
  pieces: string[];
  specs: Spec[];
}

const EMPTY_NAMES = {};
const MARK = '\u0000';
const NOWHERE = { file: '', line: 1, column: 1 };

/**
 * `spec` printing a non-negative safe integer when it is plain (`d`, `02d`, `-4s`...: no sign,
 * blank, `#` or precision): digits padded to the width; null for anything else (formatOne).
 */
function plainDecimal(spec: Spec, num: number): string | null {
  if (num < 0 || !Number.isSafeInteger(num) || spec.sign || spec.blank || spec.alt || spec.prec >= 0) return null;
  const digits = String(num);
  if (spec.width <= digits.length) return digits;
  if (spec.ljust) return digits.padEnd(spec.width);
  // Python pads strings (s, r) with spaces even under the `0` flag
  return digits.padStart(spec.width, spec.zero && spec.ch !== 's' && spec.ch !== 'r' ? '0' : ' ');
}

function printNum(t: NumTemplate, num: number): string | null {
  let out = t.pieces[0]!;
  for (let i = 0; i < t.specs.length; i++) {
    const spec = t.specs[i]!;
    let printed = plainDecimal(spec, num);
    if (printed === null) {
      try {
        printed = formatOne(spec, num, EMPTY_NAMES, 0);
      } catch {
        return null; // e.g. a width Python refuses: the full reading reports it
      }
    }
    out += printed + t.pieces[i + 1]!;
  }
  return out;
}

/**
 * `raw` cut at its process_num conversions, with the text in between as the first process has
 * it (`value0`, its value for number `start`). null when some other conversion differs between
 * processes, process_num is printed other than as a decimal number, or the pieces cannot be
 * told. `twice`: the value is expanded a second time (a log file name), so no `%` may reach it.
 */
function numTemplate(r: Resolver, raw: string, names: LayeredNames, value0: string, start: number, twice: boolean): NumTemplate | null {
  // specifier indexes count code points
  const chars = charsOf(raw);
  const specs: Spec[] = [];
  const rawPieces: string[] = [];
  let from = 0;
  const found = specifiers(raw);
  for (let i = 0; i < found.length; i++) {
    const sp = found[i]!;
    if (sp.name === null) return null;
    if (sp.name !== 'process_num') {
      const v = twice ? names.lookup(sp.name) : undefined;
      if (typeof v === 'string' && v.includes('%')) return null;
      continue;
    }
    if (!DECIMAL.has(sp.conversion) || sp.spec === null) return null;
    rawPieces.push(joinChars(chars, from, sp.index));
    specs.push(sp.spec);
    from = sp.index + sp.text.length; // ASCII: `%(process_num)` and a decimal conversion
  }
  rawPieces.push(joinChars(chars, from, chars.length));
  let allLiteral = true;
  for (let i = 0; i < rawPieces.length; i++) {
    const piece = rawPieces[i]!;
    if (piece.includes('%')) allLiteral = false;
    if (twice && piece.includes('%%')) return null;
  }
  if (allLiteral) return { pieces: rawPieces, specs };
  if (specs.length === 1) {
    // the piece with conversions is what the first value has around the number and the literal piece
    const num0 = printNum({ pieces: ['', ''], specs }, start);
    if (num0 === null) return null;
    if (!rawPieces[1]!.includes('%')) {
      const tail = num0 + rawPieces[1]!;
      return value0.endsWith(tail) ? { pieces: [value0.slice(0, value0.length - tail.length), rawPieces[1]!], specs } : null;
    }
    if (!rawPieces[0]!.includes('%')) {
      const head = rawPieces[0]! + num0;
      return value0.startsWith(head) ? { pieces: [rawPieces[0]!, value0.slice(head.length)], specs } : null;
    }
  }
  // otherwise each conversion becomes a NUL, the rest is expanded once and cut at the NULs
  const marked = rawPieces.join(MARK);
  if (marked.split(MARK).length !== specs.length + 1) return null; // a NUL of its own
  const expanded = r.expandText(marked, names, '', NOWHERE, '', r.lenientEnv, true);
  if (!expanded.ok) return null;
  const pieces = expanded.value.split(MARK);
  return pieces.length === specs.length + 1 ? { pieces, specs } : null;
}

/** The keys each process reads again whose values the model keeps as text. */
const TEXT_KEYS = ['process_name', 'command', 'directory', 'stdout_logfile', 'stderr_logfile'] as const;
/**
 * Per-process keys whose parsed values the model keeps, and environment= (whose variables are
 * ENV_ names of the later keys): derivable only when alike.
 */
const PARSED_KEYS = ['environment', 'stdout_logfile_maxbytes', 'stdout_logfile_backups', 'stdout_syslog', 'stderr_logfile_maxbytes', 'stderr_logfile_backups', 'stderr_syslog'];

/**
 * A function giving process `num` of the section from `first` (process `first.processNum`),
 * returning null for a process it cannot vouch for; null when it can vouch for none.
 * `names`: the section's expansion names apart from process_num.
 */
export function processDeriver(
  r: Resolver,
  section: IniConfigSection,
  first: ResolvedProcess,
  names: LayeredNames,
): ((num: number) => ResolvedProcess | null) | null {
  const present = section.keySet();
  for (let i = 0; i < PARSED_KEYS.length; i++) {
    const e = present.has(PARSED_KEYS[i]!) ? section.get(PARSED_KEYS[i]!) : undefined;
    if (e && !sameForEveryProcess(e.value, false)) return null;
  }
  const start = first.processNum;
  const values = [first.name, first.command, first.directory, first.stdout.file, first.stderr.file];
  const templates: (NumTemplate | null)[] = [null, null, null, null, null];
  let varies = false;
  for (let i = 0; i < TEXT_KEYS.length; i++) {
    const key = TEXT_KEYS[i]!;
    const e = present.has(key) ? section.get(key) : undefined;
    if (!e || sameForEveryProcess(e.value, false)) continue;
    const value0 = values[i];
    if (value0 === null || value0 === undefined) {
      // a log file the process does not write (redirected stderr) stays as the first has it
      if (key === 'stderr_logfile' && first.redirectStderr) continue;
      return null;
    }
    const twice = i >= 3;
    const t = numTemplate(r, e.value, names, value0, start, twice);
    // the first process's value must come out of the template, or it does not describe it
    if (!t || printNum(t, start) !== value0) return null;
    // supervisord reads words (AUTO, NONE, syslog) and `~` in a log file name: a value with a
    // digit and no `~` in front is a plain path; with host checks its folder must not depend
    // on the number
    if (twice && (value0.includes('%') || value0.startsWith('~') || (r.host && t.pieces.slice(1).some((p) => p.includes('/'))))) return null;
    templates[i] = t;
    varies = true;
  }
  if (!varies) return (num) => ({ ...first, processNum: num });
  const name = templates[0];
  const command = templates[1];
  const directory = templates[2];
  const stdout = templates[3];
  const stderr = templates[4];

  return (num) => {
    const p: ResolvedProcess = { ...first, processNum: num };
    if (name) {
      const v = printNum(name, num);
      if (v === null) return null;
      p.name = v;
    }
    if (command) {
      const v = printNum(command, num);
      if (v === null) return null;
      p.command = v;
    }
    if (directory) {
      const v = printNum(directory, num);
      if (v === null) return null;
      p.directory = v;
    }
    // a channel whose file is the same for every process shares the first's spec (never mutated)
    if (stdout) {
      const v = printNum(stdout, num);
      if (v === null) return null;
      p.stdout = { ...first.stdout, file: v };
    }
    if (stderr) {
      const v = printNum(stderr, num);
      if (v === null) return null;
      p.stderr = { ...first.stderr, file: v };
    }
    return p;
  };
}
