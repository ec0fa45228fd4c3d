/**
 * The keys each process of a section reads again (its own names: process_num, ENV_...), with the
 * shortcut that makes big configs fast: what the first process read and worked out that every
 * later process would read and work out alike is re-used instead of redone, as a big config has
 * thousands of processes. Errors are unaffected: Resolver.error drops repeats anyway.
 */
import type { IniConfigSection } from '../ini/index.js';
import { optionSpec } from '../catalogue/index.js';
import { specifiers } from '../codecs/expansion.js';
import type { Codec } from '../codecs/types.js';
import type { Read, Resolver } from './context.js';
import type { LayeredNames } from './names.js';

const defaults = new Map<string, string>();
/** The catalogue default of a key (looked up once: every process reads a dozen keys). */
export const programDefault = (key: string): string => {
  let d = defaults.get(key);
  if (d === undefined) defaults.set(key, (d = optionSpec('program', key)?.default ?? ''));
  return d;
};

/**
 * Whether `text` expands the same for every process of a section: the names that differ between
 * processes are process_num, a bare specifier's whole dict and, when `envVaries` (environment=
 * itself names process_num), the ENV_ names. A failure's message lists only the names' keys,
 * which are the same for every process.
 */
export function sameForEveryProcess(text: string, envVaries: boolean): boolean {
  if (!text.includes('%')) return true;
  const specs = specifiers(text);
  for (let i = 0; i < specs.length; i++) {
    const name = specs[i]!.name;
    if (name === null || name === 'process_num') return false;
    if (envVaries && name.startsWith('ENV_')) return false;
  }
  return true;
}

export type Parsed<T> = { value: T; known: boolean };

/** Parsed defaults by key (catalogue defaults are valid; the objects are only read). */
const parsedDefaults = new Map<string, { codec: Codec<unknown>; dflt: string; parsed: Parsed<unknown> }>();

/** A key that is not written: its default parsed, one shared object (most keys of most sections). */
export function defaultParsed<T>(codec: Codec<T>, key: string, dflt: string, fallback: T): Parsed<T> {
  const known = parsedDefaults.get(key);
  if (known && known.codec === codec && known.dflt === dflt) return known.parsed as Parsed<T>;
  const r = codec.parse(dflt);
  const parsed = r.ok ? { value: r.value, known: true } : { value: fallback, known: false };
  if (!known) parsedDefaults.set(key, { codec: codec as Codec<unknown>, dflt, parsed });
  return parsed;
}

/** One process's view of the section's per-process keys. */
export interface ProcessReads {
  readonly suffix: string;
  /** Unknown ENV_ names become placeholders (the process's environment= did not resolve). */
  readonly lenient: boolean;
  /** environment= names process_num, so the ENV_ names differ between processes. */
  readonly envVaries: boolean;
  read(key: string, dflt?: string | null): Read;
  /** A codec's result on the key's read (kept when the read is the shared one). */
  parse<T>(key: string, codec: Codec<T>, fallback: T): Parsed<T>;
  /** Whether `read` is the one every process of the section shares for `key`. */
  shared(key: string, read: Read): boolean;
}

export class SectionReads {
  /** Per key: the shared read, or null when the key's value differs per process (made on first keep). */
  private declare reads: Map<string, Read | null> | null;
  /** A codec's result on a shared read. */
  private declare parsed: Map<Read, Parsed<unknown>> | null;
  private declare readonly r: Resolver;
  private declare readonly section: IniConfigSection;
  private declare readonly suffix: string;
  private declare readonly envVaries: boolean;

  constructor(r: Resolver, section: IniConfigSection, suffix: string, envVaries: boolean) {
    this.reads = null;
    this.parsed = null;
    this.r = r;
    this.section = section;
    this.suffix = suffix;
    this.envVaries = envVaries;
  }

  /**
   * The reads of the process whose names are `names`. `keep`: remember what later processes
   * can re-use (not worth it for a first process whose section derives the rest from it).
   */
  forProcess(names: LayeredNames, lenient: boolean, keep = true): ProcessReads {
    const { r, section, suffix, envVaries } = this;
    const reads = keep ? (this.reads ??= new Map()) : this.reads;
    const parsed = keep ? (this.parsed ??= new Map()) : this.parsed;
    const present = section.keySet();
    const opts = { default: null as string | null, suffix, lenient };
    const read = (key: string, dflt: string | null = programDefault(key)): Read => {
      const known = reads?.get(key);
      if (known) return known;
      opts.default = dflt;
      const got = r.read(section, key, names, opts);
      if (keep && known === undefined) reads!.set(key, !got.entry || sameForEveryProcess(got.entry.value, envVaries) ? got : null);
      return got;
    };
    const shared = (key: string, got: Read): boolean => reads?.get(key) === got;
    const parse = <T>(key: string, codec: Codec<T>, fallback: T): Parsed<T> => {
      if (!present.has(key)) return defaultParsed(codec, key, programDefault(key), fallback);
      const got = read(key);
      let value = parsed?.get(got) as Parsed<T> | undefined;
      if (!value) {
        value = r.parseOr(codec, got, fallback, { suffix });
        if (shared(key, got)) parsed!.set(got, value);
      }
      return value;
    };
    return { suffix, lenient, envVaries, read, parse, shared };
  }
}
