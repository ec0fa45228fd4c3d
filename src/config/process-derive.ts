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
import { parseSpec, type Spec } from '../codecs/expansion-syntax.js';
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

/** One key's value for any process: the same text for all, or a template on process_num. */
type Varying = { same: true } | { same: false; template: NumTemplate };

const EMPTY_NAMES = {};
const MARK = '\u0000';
const HAS_SURROGATE = /[\uD800-\uDFFF]/;
/** `%(process_num)` */
const KEY_LENGTH = 14;
const NOWHERE = { file: '', line: 1, column: 1 };

function printNum(t: NumTemplate, num: number): string | null {
  let out = t.pieces[0]!;
  for (let i = 0; i < t.specs.length; i++) {
    try {
      out += formatOne(t.specs[i]!, num, EMPTY_NAMES, 0) + t.pieces[i + 1]!;
    } catch {
      return null; // e.g. a width Python refuses: the full reading reports it
    }
  }
  return out;
}

/**
 * `raw` cut at its process_num conversions, the text in between expanded with the section's
 * names (silently: a failure means the full reading is needed). null when some other conversion
 * differs between processes or prints process_num other than as a decimal number.
 */
function numTemplate(r: Resolver, raw: string, names: LayeredNames): NumTemplate | null {
  // each process_num conversion becomes a NUL, the rest is expanded once and cut at the NULs
  const chars = HAS_SURROGATE.test(raw) ? Array.from(raw) : raw;
  const cut = (a: number, b?: number): string => (typeof chars === 'string' ? chars.slice(a, b) : chars.slice(a, b).join(''));
  const specs: Spec[] = [];
  let marked = '';
  let from = 0;
  for (const sp of specifiers(raw)) {
    if (sp.name === null) return null;
    if (sp.name !== 'process_num') continue;
    if (!DECIMAL.has(sp.conversion)) return null;
    const parsed = parseSpec(sp.text, KEY_LENGTH, () => NaN);
    if (!parsed || parsed.end !== sp.text.length || Number.isNaN(parsed.spec.width) || Number.isNaN(parsed.spec.prec)) return null;
    marked += cut(from, sp.index) + MARK;
    specs.push(parsed.spec);
    from = sp.index + sp.text.length; // ASCII: `%(process_num)` and a decimal conversion
  }
  marked += cut(from);
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
  for (const key of PARSED_KEYS) {
    const e = section.get(key);
    if (e && !sameForEveryProcess(e.value, false)) return null;
  }
  const varying = new Map<(typeof TEXT_KEYS)[number], NumTemplate>();
  for (const key of TEXT_KEYS) {
    const e = section.get(key);
    if (!e || sameForEveryProcess(e.value, false)) continue;
    const t = numTemplate(r, e.value, names);
    if (!t) return null;
    varying.set(key, t);
  }
  if (varying.size === 0) return (num) => ({ ...first, processNum: num });

  const start = first.processNum;
  // the first process's values must come out of the templates, or they do not describe it
  const name = varying.get('process_name');
  if (name && printNum(name, start) !== first.name) return null;
  const command = varying.get('command');
  if (command && printNum(command, start) !== first.command) return null;
  const directory = varying.get('directory');
  if (directory && printNum(directory, start) !== first.directory) return null;
  for (const ch of ['stdout', 'stderr'] as const) {
    const t = varying.get(`${ch}_logfile`);
    if (!t || first[ch].file === null) continue;
    const value = printNum(t, start);
    // supervisord expands a log file name twice and reads words (AUTO, NONE, syslog) and `~`
    // in it: the value must hold no `%`, no `~` in front, and a digit (so no word); with host
    // checks its folder must not depend on the number
    if (value === null || value !== first[ch].file || value.includes('%') || value.startsWith('~')) return null;
    if (r.host && t.pieces.slice(1).some((p) => p.includes('/'))) return null;
  }

  return (num) => {
    const p: ResolvedProcess = { ...first, processNum: num, stdout: { ...first.stdout }, stderr: { ...first.stderr } };
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
    for (const ch of ['stdout', 'stderr'] as const) {
      const t = varying.get(`${ch}_logfile`);
      if (!t || first[ch].file === null) continue;
      const v = printNum(t, num);
      if (v === null) return null;
      p[ch].file = v;
    }
    return p;
  };
}
