/** Walks over a configuration that several rules share, so each rule only says what it checks. */
import type { SectionKind } from '../catalogue/types.js';
import type { ResolvedProcess } from '../config/types.js';
import type { IniConfigSection } from '../ini/merge.js';
import type { IniEntry } from '../ini/types.js';
import type { IniLintContext } from './types.js';
import { kindOf } from './util.js';

/** The sections that define processes: they share the process options. */
export const PROCESS_KINDS: readonly SectionKind[] = ['program', 'eventlistener', 'fcgi-program'];

/** The sections supervisorctl can talk to. */
export const SERVER_KINDS: readonly SectionKind[] = ['unix_http_server', 'inet_http_server'];

/** Sections of the merged file whose header is one of these kinds, in supervisord's order. */
export function sectionsOfKinds(ctx: IniLintContext, kinds: readonly SectionKind[]): IniConfigSection[] {
  // many rules ask with the same kinds list, on configs of thousands of sections: once per config
  let byKinds = kindsCache.get(ctx.ini);
  if (!byKinds) kindsCache.set(ctx.ini, (byKinds = new Map()));
  let found = byKinds.get(kinds);
  if (!found) {
    found = ctx.ini.sections.filter((s) => {
      const kind = kindOf(s.name);
      return kind !== null && kinds.includes(kind);
    });
    byKinds.set(kinds, found);
  }
  return found.slice();
}

const kindsCache = new WeakMap<object, Map<readonly SectionKind[], IniConfigSection[]>>();

/**
 * Each of `keys` that a section of these kinds sets (its own value or [DEFAULT]'s), section by
 * section and in the order of `keys`: the entry supervisord reads, so positions point at it.
 */
export function* keysIn(ctx: IniLintContext, kinds: readonly SectionKind[], keys: readonly string[]): Generator<{ section: IniConfigSection; key: string; entry: IniEntry }> {
  for (const section of sectionsOfKinds(ctx, kinds)) {
    for (const key of keys) {
      const entry = section.get(key);
      if (entry) yield { section, key, entry };
    }
  }
}

/** The output channels with a log of their own: stderr goes to stdout's log when redirected. */
export function ownLogChannels(p: ResolvedProcess): readonly ('stdout' | 'stderr')[] {
  return p.redirectStderr ? ['stdout'] : ['stdout', 'stderr'];
}

/** The program names a `[group:x] programs=` lists: split at commas, trimmed, empty names dropped. */
export function groupMembers(e: IniEntry | undefined): string[] {
  return (e?.value ?? '').split(',').map((m) => m.trim()).filter(Boolean);
}
