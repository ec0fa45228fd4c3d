/** Small helpers rules share: spans of INI things, "did you mean", section kinds. */
import { sectionSpecFor } from '../catalogue/index.js';
import type { SectionKind } from '../catalogue/types.js';
import type { IniEntry, IniSectionBlock } from '../ini/types.js';
import type { ReportAt } from './types.js';

export function keySpan(e: IniEntry): ReportAt {
  return { file: e.file, line: e.keyPos.line, column: e.keyPos.column, endLine: e.keyPos.line, endColumn: e.keyPos.column + [...e.rawKey].length };
}

/** The value on its first line (or the key when the value is empty). */
export function valueSpan(e: IniEntry): ReportAt {
  const first = e.lines[0];
  if (!first || first.text === '') return { ...keySpan(e) };
  return { file: e.file, line: first.line, column: first.column, endLine: first.line, endColumn: first.column + [...first.text].length };
}

/** A part of the value's first line, found by its text (falls back to the whole value). */
export function valuePartSpan(e: IniEntry, part: string, from = 0): ReportAt {
  for (const l of e.lines) {
    const i = l.text.indexOf(part, from);
    if (i >= 0 && part) {
      const col = l.column + [...l.text.slice(0, i)].length;
      return { file: e.file, line: l.line, column: col, endLine: l.line, endColumn: col + [...part].length };
    }
  }
  return valueSpan(e);
}

export function headerSpan(b: IniSectionBlock): ReportAt {
  return { file: b.file, line: b.pos.line, column: b.pos.column, endLine: b.closePos.line, endColumn: b.closePos.column + 1 };
}

export function kindOf(sectionName: string): SectionKind | null {
  return sectionSpecFor(sectionName)?.spec.kind ?? null;
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

/** Section blocks of every document, in read order. */
export function allBlocks(docs: readonly { sections: readonly IniSectionBlock[] }[]): IniSectionBlock[] {
  return docs.flatMap((d) => d.sections);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

import type { IniLintContext } from './types.js';
import type { ResolvedProcess } from '../config/types.js';

/** The entry supervisord reads for `key` in a section (own last value, else [DEFAULT]). */
export function entryOf(ctx: IniLintContext, section: string, key: string): IniEntry | undefined {
  return ctx.ini.section(section)?.get(key);
}

/** The span of the value of `key` in a section, when the key is written (or inherited). */
export function spanOf(ctx: IniLintContext, section: string, key: string): ReportAt | undefined {
  const e = entryOf(ctx, section, key);
  return e ? valueSpan(e) : undefined;
}

/** Every resolved process, in supervisord's order (empty when the config did not resolve). */
export function processesOf(ctx: IniLintContext): ResolvedProcess[] {
  return ctx.config?.groups.flatMap((g) => g.processes) ?? [];
}

/** One process per section (the first), for checks about the section's settings. */
export function sectionsOf(ctx: IniLintContext): ResolvedProcess[] {
  // a dozen rules ask, on configs of thousands of processes: worked out once per config
  const config = ctx.config;
  if (!config) return [];
  let firsts = sectionsCache.get(config);
  if (!firsts) {
    const seen = new Set<string>();
    firsts = processesOf(ctx).filter((p) => (seen.has(p.sectionName) ? false : (seen.add(p.sectionName), true)));
    sectionsCache.set(config, firsts);
  }
  return firsts.slice();
}

const sectionsCache = new WeakMap<object, ResolvedProcess[]>();

/** Sections of the merged file whose header is of this kind. */
export function sectionsOfKind(ctx: IniLintContext, kind: SectionKind) {
  return ctx.ini.sections.filter((s) => kindOf(s.name) === kind);
}

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
      const col = l.column + [...l.text.slice(0, offset - base)].length;
      const span = [...l.text.slice(offset - base, Math.min(end, offset + length) - base)].length;
      return { file: e.file, line: l.line, column: col, endLine: l.line, endColumn: col + Math.max(1, span) };
    }
    base = end + 1;
  }
  return valueSpan(e);
}
