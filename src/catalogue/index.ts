import { SECTIONS } from './sections.js';
import type { OptionSpec, SectionKind, SectionSpec } from './types.js';

export { SECTIONS } from './sections.js';
export type * from './types.js';

export interface SectionMatch {
  spec: SectionSpec;
  /** The text after the first colon for named sections (unstripped, as written). */
  instanceName: string | null;
}

/**
 * Which section type a header names, by supervisord's rules: exact names and prefixes
 * (`[unix_http_serverXYZ]` is a server too), case-sensitive; null for a section supervisord
 * silently ignores. `[include]` counts only in the main file; callers decide that.
 */
export function sectionSpecFor(name: string): SectionMatch | null {
  for (const spec of SECTIONS) {
    if (spec.match === 'exact' ? name === spec.header : name.startsWith(spec.header)) {
      if (!spec.named) return { spec, instanceName: null };
      return { spec, instanceName: name.slice(spec.header.length) };
    }
  }
  return null;
}

const byKind = new Map<SectionKind, SectionSpec>(SECTIONS.map((s) => [s.kind, s]));

export function sectionSpec(kind: SectionKind): SectionSpec {
  const spec = byKind.get(kind);
  if (!spec) throw new Error(`no section kind ${kind}`);
  return spec;
}

const optionIndex = new Map<SectionKind, Map<string, OptionSpec>>(
  SECTIONS.map((s) => [s.kind, new Map(s.options.map((o) => [o.key, o]))]),
);

export function optionSpec(kind: SectionKind, key: string): OptionSpec | undefined {
  return optionIndex.get(kind)?.get(key);
}

export function optionKeys(kind: SectionKind): string[] {
  return [...(optionIndex.get(kind)?.keys() ?? [])];
}

/** Kinds whose sections define processes. */
export const PROCESS_KINDS: readonly SectionKind[] = ['program', 'eventlistener', 'fcgi-program'];
