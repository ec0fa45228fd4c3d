/** Small helpers rules share: spans of INI things, "did you mean", section kinds. */
import type { Diagnostic } from '../core/diagnostic.js';
import type { IniEntry, IniSectionBlock } from '../ini/types.js';
import type { ResolvedProcess } from '../config/types.js';
import type { IniLintContext, ReportAt } from './types.js';
import { pyLower } from '../ini/python.js';
import { entryIn } from './walk.js';

/** The span of `text` written on one line from `column` (columns count code points, not UTF-16 units). */
export function textSpan(file: string, line: number, column: number, text: string): ReportAt {
  return { file, line, column, endLine: line, endColumn: column + codePointLength(text) };
}

/**
 * `[...text.slice(start, end)].length` without the slice or the array: a surrogate pair counts
 * once, a lone surrogate once.
 */
export function codePointLength(text: string, start = 0, end = text.length): number {
  end = Math.min(end, text.length);
  if (end <= start) return 0;
  let n = end - start;
  for (let i = start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) n--;
  }
  return n;
}

export function keySpan(e: IniEntry): ReportAt {
  return textSpan(e.file, e.keyPos.line, e.keyPos.column, e.rawKey);
}

/** The value on its first line (or the key when the value is empty). */
export function valueSpan(e: IniEntry): ReportAt {
  const first = e.lines[0];
  if (!first || first.text === '') return { ...keySpan(e) };
  return textSpan(e.file, first.line, first.column, first.text);
}

/** A part of the value's first line, found by its text (falls back to the whole value). */
export function valuePartSpan(e: IniEntry, part: string, from = 0): ReportAt {
  for (const l of e.lines) {
    const i = l.text.indexOf(part, from);
    if (i >= 0 && part) {
      return textSpan(e.file, l.line, l.column + codePointLength(l.text, 0, i), part);
    }
  }
  return valueSpan(e);
}

/** Where an existing diagnostic (a refusal, a loader finding) is, to report it again as is. */
export function diagnosticSpan(d: Diagnostic): ReportAt {
  return {
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
    ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
  };
}

export function headerSpan(b: IniSectionBlock): ReportAt {
  return { file: b.file, line: b.pos.line, column: b.pos.column, endLine: b.closePos.line, endColumn: b.closePos.column + 1 };
}

export function levenshtein(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n]!;
}

/**
 * The closest candidate when it is close enough to be a typo: a third of the word's length
 * (at least 2 edits), or one contains the other (`stdout_log` -> `stdout_logfile`).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = levenshtein(w, c.toLowerCase());
    if (d < bestScore) {
      best = c;
      bestScore = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(w.length / 3));
  if (bestScore <= limit) return best;
  const sub = candidates.filter((c) => w.length >= 4 && (c.startsWith(w) || w.startsWith(c)));
  if (sub.length) return sub.sort((a, b) => Math.abs(a.length - w.length) - Math.abs(b.length - w.length))[0];
  return undefined;
}

export const didYouMean = (s: string | undefined) => (s === undefined ? '' : ` (did you mean ${s}?)`);

/** Adds `value` to the list under `key`; grouping keeps first-seen order of keys and values. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The entry supervisord reads for `key` in a section (own last value, else [DEFAULT]). */
export function entryOf(ctx: IniLintContext, section: string, key: string): IniEntry | undefined {
  return entryIn(ctx, section, pyLower(key));
}

/** The span of the value of `key` in a section, when the key is written (or inherited). */
export function spanOf(ctx: IniLintContext, section: string, key: string): ReportAt | undefined {
  const e = entryOf(ctx, section, key);
  return e ? valueSpan(e) : undefined;
}

/** Where `part` of a process's command is written (the process itself when no command entry is). */
export function commandPartSpan(ctx: IniLintContext, p: ResolvedProcess, part: string): ReportAt {
  const entry = entryOf(ctx, p.sectionName, 'command');
  return entry ? valuePartSpan(entry, part) : p.at;
}

/** Every resolved process, in supervisord's order (empty when the config did not resolve). */
export function processesOf(ctx: IniLintContext): ResolvedProcess[] {
  return ctx.config?.groups.flatMap((g) => g.processes) ?? [];
}

/** One process per section (the first), for checks about the section's settings. */
export function sectionsOf(ctx: IniLintContext): readonly ResolvedProcess[] {
  // a dozen rules ask, on configs of thousands of processes: worked out once per config
  const config = ctx.config;
  if (!config) return [];
  let firsts = sectionsCache.get(config);
  if (!firsts) {
    firsts = [];
    const seen = new Set<string>();
    const groups = config.groups;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      const ps = group.processes;
      if (group.kind !== 'group') {
        // its own section's processes only, and a section a [group:x] takes has no group of its own
        if (ps.length > 0) firsts.push(ps[0]!);
        continue;
      }
      for (let i = 0; i < ps.length; i++) {
        const p = ps[i]!;
        if (seen.has(p.sectionName)) continue;
        seen.add(p.sectionName);
        firsts.push(p);
      }
    }
    sectionsCache.set(config, firsts);
  }
  return firsts;
}

const sectionsCache = new WeakMap<object, ResolvedProcess[]>();

export function sectionHeaderAt(ctx: IniLintContext, name: string): ReportAt | undefined {
  const s = ctx.ini.section(name);
  const b = s?.occurrences[0];
  return b ? headerSpan(b) : undefined;
}

/** The span of `length` code units at `offset` of the entry's readValue (lines joined by \n). */
export function offsetSpan(e: IniEntry, offset: number, length: number): ReportAt {
  let base = 0;
  for (const l of e.lines) {
    const end = base + l.text.length;
    if (offset <= end) {
      const col = l.column + codePointLength(l.text, 0, offset - base);
      const span = codePointLength(l.text, offset - base, Math.min(end, offset + length) - base);
      return { file: e.file, line: l.line, column: col, endLine: l.line, endColumn: col + Math.max(1, span) };
    }
    base = end + 1;
  }
  return valueSpan(e);
}
