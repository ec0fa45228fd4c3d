import { pyLower } from './python.js';
import { DEFAULT_SECTION, entryWithValue } from './reader.js';
import type { IniDocument, IniEntry, IniPos, IniSectionBlock } from './types.js';

/** One section of the merged configuration (or `[DEFAULT]` itself, see `IniConfig.defaults`). */
export interface IniConfigSection {
  readonly name: string;
  /** File and position of the first header occurrence (`[DEFAULT]` with no header: the first file, 1:1). */
  readonly file: string;
  readonly pos: IniPos;
  /** Every header occurrence, in read order. */
  readonly occurrences: readonly IniSectionBlock[];
  /** The entry configparser's `get` returns: the section's own winner, else the `[DEFAULT]` one. */
  get(key: string): IniEntry | undefined;
  has(key: string): boolean;
  /** configparser's `options(section)`: own keys in first-seen order, then `[DEFAULT]` keys. */
  keys(): string[];
  /** `keys()` as a set, made once: code asking about many keys that are mostly absent. */
  keySet(): ReadonlySet<string>;
  /** Own keys only (including keys copied from `[DEFAULT]` by the `%(here)s` replacement). */
  ownKeys(): string[];
  /** Every occurrence of the key written in this section, in read order (last one wins). */
  occurrencesOf(key: string): IniEntry[];
  /** The winning entry of each of `keys()`. */
  entries(): IniEntry[];
}

export interface IniConfig {
  readonly documents: readonly IniDocument[];
  /** configparser's `sections()`: first-seen order, `[DEFAULT]` excluded. */
  readonly sections: readonly IniConfigSection[];
  section(name: string): IniConfigSection | undefined;
  /** `[DEFAULT]`: its keys are inherited by every section's `get` and `keys`. */
  readonly defaults: IniConfigSection;
}

export interface MergeOptions {
  /**
   * supervisord's textual `%(here)s` replacement (reference §2.4): when the main file has
   * `[include]`, pass the directory of each document (main file first). After document i is
   * merged, every `%(here)s` in every value of every section (as `items()` sees it, so
   * `[DEFAULT]` values are copied into each section) is replaced by `hereDirs[i]`.
   * Leave it out when the main file has no `[include]`.
   */
  hereDirs?: ReadonlyArray<string | undefined>;
}

const HERE = '%(here)s';

/** pyLower of the keys looked up: code asks for the same few dozen keys thousands of times. */
const lowered = new Map<string, string>();
function lowerKey(key: string): string {
  let k = lowered.get(key);
  if (k === undefined) {
    k = pyLower(key);
    if (lowered.size < 4096) lowered.set(key, k);
  }
  return k;
}

/** Up to this many entries a section is searched in place; above, a key map is made once. */
const SCAN_LIMIT = 16;

/**
 * A section as configparser holds it. Its own keys are the entries of its header occurrences,
 * last one winning: most sections are a handful of entries written once, so lookups scan them
 * where they are and no map is made; a large section (or `%(here)s` replacement, which changes
 * the winners) makes the map.
 */
class Section implements IniConfigSection {
  declare readonly name: string;
  declare readonly occurrences: IniSectionBlock[];
  /** own key -> winner, in first-seen order, once made */
  private declare own: Map<string, IniEntry> | undefined;
  /** entries in `occurrences` */
  private declare size: number;
  private declare readonly firstFile: string;
  private declare readonly parent: Section | null;
  private declare firstPos: IniPos | undefined;
  private declare keysMade: Set<string> | undefined;

  /** `first`: the first header occurrence (none for a `[DEFAULT]` never written) */
  constructor(name: string, first: IniSectionBlock | undefined, firstFile: string, parent: Section | null) {
    this.name = name;
    this.occurrences = first ? [first] : [];
    this.own = undefined;
    this.size = first ? first.entries.length : 0;
    this.firstFile = firstFile;
    this.parent = parent;
    this.firstPos = undefined;
    this.keysMade = undefined;
  }

  /** File and position of the first header occurrence (`[DEFAULT]` without one: the first file, 1:1). */
  get file(): string {
    return this.occurrences[0]?.file ?? this.firstFile;
  }
  get pos(): IniPos {
    return (this.firstPos ??= this.occurrences[0]?.pos ?? { line: 1, column: 1 });
  }

  add(block: IniSectionBlock): void {
    this.keysMade = undefined;
    this.occurrences.push(block);
    this.size += block.entries.length;
    if (this.own) for (const entry of block.entries) this.own.set(entry.key, entry);
  }
  private ownMap(): Map<string, IniEntry> {
    if (!this.own) {
      this.own = new Map();
      for (const block of this.occurrences) for (const entry of block.entries) this.own.set(entry.key, entry);
    }
    return this.own;
  }
  private ownGet(k: string): IniEntry | undefined {
    if (this.own || this.size > SCAN_LIMIT) return this.ownMap().get(k);
    const occ = this.occurrences;
    for (let o = occ.length - 1; o >= 0; o--) {
      const entries = occ[o]!.entries;
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key === k) return entries[i];
    }
    return undefined;
  }

  get(key: string): IniEntry | undefined {
    const k = lowerKey(key);
    return this.ownGet(k) ?? this.parent?.ownGet(k);
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  keys(): string[] {
    const keys = this.ownKeys();
    if (this.parent) for (const k of this.parent.ownKeys()) if (this.ownGet(k) === undefined) keys.push(k);
    return keys;
  }
  keySet(): ReadonlySet<string> {
    // merging is over before anyone asks (add and expandHere run during mergeIni only)
    if (this.keysMade) return this.keysMade;
    const set = new Set<string>();
    if (this.own) for (const k of this.own.keys()) set.add(k);
    else {
      const occ = this.occurrences;
      for (let o = 0; o < occ.length; o++) {
        const entries = occ[o]!.entries;
        for (let i = 0; i < entries.length; i++) set.add(entries[i]!.key);
      }
    }
    if (this.parent) for (const k of this.parent.keySet()) set.add(k);
    return (this.keysMade = set);
  }
  ownKeys(): string[] {
    if (this.own || this.size > SCAN_LIMIT) return [...this.ownMap().keys()];
    const keys: string[] = [];
    for (const block of this.occurrences) for (const entry of block.entries) if (!keys.includes(entry.key)) keys.push(entry.key);
    return keys;
  }
  occurrencesOf(key: string): IniEntry[] {
    const k = lowerKey(key);
    const found: IniEntry[] = [];
    for (const block of this.occurrences) for (const entry of block.entries) if (entry.key === k) found.push(entry);
    return found;
  }
  entries(): IniEntry[] {
    // keys() are stored keys already: no lowering on the way back
    return this.keys().map((k) => (this.ownGet(k) ?? this.parent!.ownGet(k))!);
  }

  /**
   * `UnhosedConfigParser.expand_here`: every value of `items()` holding `%(here)s` is set again,
   * replaced. Own keys keep their place; `[DEFAULT]` keys the section does not hide become own
   * keys after them, in `[DEFAULT]`'s order (its `items()` order is DEFAULT keys first).
   */
  expandHere(dir: string): void {
    this.keysMade = undefined;
    for (const k of this.ownKeys()) {
      const entry = this.ownGet(k)!;
      if (entry.value.includes(HERE)) this.ownMap().set(k, entryWithValue(entry, entry.value.split(HERE).join(dir), dir));
    }
    if (!this.parent) return;
    for (const k of this.parent.ownKeys()) {
      if (this.ownGet(k) !== undefined) continue;
      const entry = this.parent.ownGet(k)!;
      if (entry.value.includes(HERE)) this.ownMap().set(k, entryWithValue(entry, entry.value.split(HERE).join(dir), dir));
    }
  }
}

/** Reads `docs` in order into one RawConfigParser state (main file first, then includes). */
export function mergeIni(docs: readonly IniDocument[], options: MergeOptions = {}): IniConfig {
  const defaults = new Section(DEFAULT_SECTION, undefined, docs[0]?.file ?? '', null);
  const byName = new Map<string, Section>();
  for (let i = 0; i < docs.length; i++) {
    const blocks = docs[i]!.sections;
    for (let b = 0; b < blocks.length; b++) {
      const block = blocks[b]!;
      if (block.isDefault) {
        defaults.add(block);
        continue;
      }
      const s = byName.get(block.name);
      if (s) s.add(block);
      else byName.set(block.name, new Section(block.name, block, block.file, defaults));
    }
    const dir = options.hereDirs?.[i];
    if (dir !== undefined) for (const s of byName.values()) s.expandHere(dir);
  }
  const sections = [...byName.values()];
  return {
    documents: docs,
    sections,
    section: (name: string) => byName.get(name),
    defaults,
  };
}
