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

class Section implements IniConfigSection {
  readonly occurrences: IniSectionBlock[] = [];
  readonly own = new Map<string, IniEntry>();
  readonly written = new Map<string, IniEntry[]>();
  constructor(
    readonly name: string,
    public file: string,
    public pos: IniPos,
    private readonly parent: Section | null,
  ) {}

  set(entry: IniEntry): void {
    this.own.set(entry.key, entry);
    const list = this.written.get(entry.key);
    if (list) list.push(entry);
    else this.written.set(entry.key, [entry]);
  }
  get(key: string): IniEntry | undefined {
    const k = lowerKey(key);
    return this.own.get(k) ?? this.parent?.own.get(k);
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  keys(): string[] {
    const keys = [...this.own.keys()];
    if (this.parent) for (const k of this.parent.own.keys()) if (!this.own.has(k)) keys.push(k);
    return keys;
  }
  ownKeys(): string[] {
    return [...this.own.keys()];
  }
  occurrencesOf(key: string): IniEntry[] {
    return [...(this.written.get(lowerKey(key)) ?? [])];
  }
  entries(): IniEntry[] {
    return this.keys().map((k) => this.get(k)!);
  }

  /** `UnhosedConfigParser.expand_here`: `items()` order is DEFAULT keys first, then own keys. */
  expandHere(dir: string): void {
    const order = this.parent ? [...this.parent.own.keys()] : [];
    for (const k of this.own.keys()) if (!order.includes(k)) order.push(k);
    for (const k of order) {
      const entry = this.get(k)!;
      if (!entry.value.includes(HERE)) continue;
      this.own.set(k, entryWithValue(entry, entry.value.split(HERE).join(dir), dir));
    }
  }
}

/** Reads `docs` in order into one RawConfigParser state (main file first, then includes). */
export function mergeIni(docs: readonly IniDocument[], options: MergeOptions = {}): IniConfig {
  const defaults = new Section(DEFAULT_SECTION, docs[0]?.file ?? '', { line: 1, column: 1 }, null);
  let defaultsSeen = false;
  const byName = new Map<string, Section>();
  docs.forEach((doc, i) => {
    for (const block of doc.sections) {
      let target: Section;
      if (block.isDefault) {
        target = defaults;
        if (!defaultsSeen) {
          defaultsSeen = true;
          target.file = block.file;
          target.pos = block.pos;
        }
      } else {
        let s = byName.get(block.name);
        if (!s) {
          s = new Section(block.name, block.file, block.pos, defaults);
          byName.set(block.name, s);
        }
        target = s;
      }
      target.occurrences.push(block);
      for (const entry of block.entries) target.set(entry);
    }
    const dir = options.hereDirs?.[i];
    if (dir !== undefined) for (const s of byName.values()) s.expandHere(dir);
  });
  const sections = [...byName.values()];
  return {
    documents: docs,
    sections,
    section: (name: string) => byName.get(name),
    defaults,
  };
}
