/**
 * Walks over a configuration that several rules share, so each rule only says what it checks.
 *
 * Configs run to thousands of sections and the linter runs once per process start, so its code
 * is cold (interpreted): what several rules would look up section by section or entry by entry
 * is worked out once per config here, and the hot loops index arrays rather than go through
 * iterators. `ctx.ini` is the merge of `ctx.docs` (no `%(here)s` replacement), so its sections
 * are the documents' blocks by name and its entries are the documents' entries.
 */
import { sectionSpecFor } from '../catalogue/index.js';
import type { SectionKind, SectionSpec } from '../catalogue/types.js';
import type { ResolvedProcess } from '../config/types.js';
import type { IniConfigSection } from '../ini/merge.js';
import type { IniEntry, IniSectionBlock } from '../ini/types.js';
import type { IniLintContext } from './types.js';

/** The sections that define processes: they share the process options. */
export const PROCESS_KINDS: readonly SectionKind[] = ['program', 'eventlistener', 'fcgi-program'];

/** The sections supervisorctl can talk to. */
export const SERVER_KINDS: readonly SectionKind[] = ['unix_http_server', 'inet_http_server'];

/** A block's kind; null for `[DEFAULT]` and headers supervisord does not read. */
type BlockKind = SectionKind | null;

/** The per-config answers below, each built on first use. */
interface Index {
  /** Every header block of every document, in read order. */
  blocks: readonly IniSectionBlock[] | undefined;
  /** The kind of each block, in the same order. */
  blockKinds: BlockKind[] | undefined;
  /** The blocks of each kind, in read order. */
  blocksByKind: Map<BlockKind, IniSectionBlock[]> | undefined;
  /** Header names written more than once (across documents too). */
  repeated: Set<string> | undefined;
  /** sectionNamesOfKinds answers, by the kinds joined with commas. */
  namesByKinds: Map<string, string[]>;
  /** sectionsOfKinds answers, by the kinds joined with commas. */
  byKinds: Map<string, IniConfigSection[]>;
  /** What one walk over every entry of every document finds; see writtenWithKey. */
  entries: EntryIndex | undefined;
  /** The keys written in the blocks of each kind. */
  keysByKind: Map<BlockKind, Set<string>> | undefined;
  /** entryIn answers: per key, each section's own last entry, and [DEFAULT]'s. */
  readEntries: Map<string, { own: Map<string, IniEntry>; inherited: IniEntry | undefined }>;
}

interface EntryIndex {
  /** Every entry by its key (`[DEFAULT]` ones included), in read order. */
  byKey: Map<string, IniEntry[]>;
  /** Some block has a key twice. */
  repeatInBlock: boolean;
  /** The entries whose value holds a `%` that does not open `%(`, in read order. */
  unnamedPercent: IniEntry[];
}

const indexes = new WeakMap<object, Index>();

function indexOf(ctx: IniLintContext): Index {
  let index = indexes.get(ctx.ini);
  if (!index) {
    index = { blocks: undefined, blockKinds: undefined, blocksByKind: undefined, repeated: undefined, namesByKinds: new Map(), byKinds: new Map(), entries: undefined, keysByKind: undefined, readEntries: new Map() };
    indexes.set(ctx.ini, index);
  }
  return index;
}

/**
 * What `[name]` is to supervisord: sectionSpecFor's spec, looked up once per head (the name up
 * to its first colon) rather than once for each of thousands of names. The spec a name matches
 * depends on its head only, since exact headers have no colon and prefix headers either end at
 * their only colon (`program:`) or have none (`unix_http_server`). Names come in runs of one
 * head, so the last head is tried first.
 */
export function sectionSpecOf(name: string): SectionSpec | null {
  const colon = name.indexOf(':');
  if (colon >= 0 && colon === lastHead.length - 1 && name.startsWith(lastHead)) return lastSpec;
  const head = colon < 0 ? name : name.slice(0, colon + 1);
  let spec = byHead.get(head);
  if (spec === undefined) {
    spec = sectionSpecFor(name)?.spec ?? null;
    if (byHead.size < 256) byHead.set(head, spec);
  }
  if (colon >= 0) {
    lastHead = head;
    lastSpec = spec;
  }
  return spec;
}

const byHead = new Map<string, SectionSpec | null>();
let lastHead = '';
let lastSpec: SectionSpec | null = null;

/** Section blocks of every document, in read order. */
export function blocksOf(ctx: IniLintContext): readonly IniSectionBlock[] {
  const index = indexOf(ctx);
  if (!index.blocks) index.blocks = ctx.docs.length === 1 ? ctx.docs[0]!.sections : ctx.docs.flatMap((d) => d.sections);
  return index.blocks;
}

/** The blocks of a kind (null: `[DEFAULT]` and headers supervisord does not read), in read order. */
export function blocksOfKind(ctx: IniLintContext, kind: BlockKind): readonly IniSectionBlock[] {
  return blocksByKind(ctx).get(kind) ?? NO_BLOCKS;
}

function blocksByKind(ctx: IniLintContext): Map<BlockKind, IniSectionBlock[]> {
  const index = indexOf(ctx);
  if (!index.blocksByKind) {
    const byKind = new Map<BlockKind, IniSectionBlock[]>();
    const blocks = blocksOf(ctx);
    const kinds: BlockKind[] = new Array(blocks.length);
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      const kind = b.isDefault ? null : (sectionSpecOf(b.name)?.kind ?? null);
      kinds[i] = kind;
      const list = byKind.get(kind);
      if (list) list.push(b);
      else byKind.set(kind, [b]);
    }
    index.blockKinds = kinds;
    index.blocksByKind = byKind;
  }
  return index.blocksByKind;
}

const NO_BLOCKS: readonly IniSectionBlock[] = [];

/** Header names (`DEFAULT` included) that open more than one block: their keys are merged. */
export function repeatedSectionNames(ctx: IniLintContext): ReadonlySet<string> {
  const index = indexOf(ctx);
  if (!index.repeated) {
    // the merge keeps every block of a name as an occurrence of its section
    const repeated = new Set<string>();
    if (ctx.ini.defaults.occurrences.length > 1) repeated.add(ctx.ini.defaults.name);
    const sections = ctx.ini.sections;
    for (let i = 0; i < sections.length; i++) if (sections[i]!.occurrences.length > 1) repeated.add(sections[i]!.name);
    index.repeated = repeated;
  }
  return index.repeated;
}

/**
 * The keys written in the blocks of each kind (null: `[DEFAULT]` and headers of no kind). Asked
 * block by block, that is every entry of a big file; but one kind (program, usually) has most
 * blocks, and its keys follow from the others': a key is written in one of its blocks when the
 * other blocks do not hold all the entries of that key.
 */
export function keysByKind(ctx: IniLintContext): ReadonlyMap<BlockKind, ReadonlySet<string>> {
  const index = indexOf(ctx);
  if (!index.keysByKind) {
    const byKind = blocksByKind(ctx);
    let main: BlockKind | undefined;
    for (const [kind, blocks] of byKind) if (main === undefined || blocks.length > byKind.get(main)!.length) main = kind;
    const keysByKind = new Map<BlockKind, Set<string>>();
    const elsewhere = new Map<string, number>();
    for (const [kind, blocks] of byKind) {
      if (kind === main) continue;
      const keys = new Set<string>();
      keysByKind.set(kind, keys);
      for (const b of blocks) {
        for (const e of b.entries) {
          keys.add(e.key);
          elsewhere.set(e.key, (elsewhere.get(e.key) ?? 0) + 1);
        }
      }
    }
    if (main !== undefined) {
      const keys = new Set<string>();
      for (const [key, entries] of entryIndex(ctx).byKey) if (entries.length > (elsewhere.get(key) ?? 0)) keys.add(key);
      keysByKind.set(main, keys);
    }
    index.keysByKind = keysByKind;
  }
  return index.keysByKind;
}

/**
 * The names of the merged file's sections whose header is one of these kinds, in supervisord's
 * order: the order of their first blocks, found from the blocks without looking sections up.
 */
export function sectionNamesOfKinds(ctx: IniLintContext, kinds: readonly SectionKind[]): readonly string[] {
  const index = indexOf(ctx);
  const key = kinds.join(',');
  let found = index.namesByKinds.get(key);
  if (!found) {
    found = [];
    const blocks = blocksOf(ctx);
    blocksByKind(ctx);
    const blockKinds = index.blockKinds!;
    const repeated = repeatedSectionNames(ctx);
    const seen = new Set<string>();
    for (let i = 0; i < blocks.length; i++) {
      const kind = blockKinds[i]!;
      if (kind === null || !kinds.includes(kind)) continue;
      const name = blocks[i]!.name;
      if (repeated.has(name)) {
        if (seen.has(name)) continue;
        seen.add(name);
      }
      found.push(name);
    }
    index.namesByKinds.set(key, found);
  }
  return found;
}

/** Sections of the merged file whose header is one of these kinds, in supervisord's order. */
export function sectionsOfKinds(ctx: IniLintContext, kinds: readonly SectionKind[]): readonly IniConfigSection[] {
  const index = indexOf(ctx);
  const key = kinds.join(',');
  let found = index.byKinds.get(key);
  if (!found) {
    found = sectionNamesOfKinds(ctx, kinds).map((name) => ctx.ini.section(name)!);
    index.byKinds.set(key, found);
  }
  return found;
}

function entryIndex(ctx: IniLintContext): EntryIndex {
  const index = indexOf(ctx);
  if (!index.entries) {
    // with the number of the block of each key's last entry, to see a key twice in a block
    const lists = new Map<string, { entries: IniEntry[]; block: number }>();
    const unnamedPercent: IniEntry[] = [];
    let repeatInBlock = false;
    const blocks = blocksOf(ctx);
    for (let b = 0; b < blocks.length; b++) {
      const entries = blocks[b]!.entries;
      for (let i = 0; i < entries.length; i++) {
        const e = entries[i]!;
        const list = lists.get(e.key);
        if (!list) lists.set(e.key, { entries: [e], block: b });
        else {
          if (list.block === b) repeatInBlock = true;
          list.entries.push(e);
          list.block = b;
        }
        const v = e.readValue;
        for (let at = v.indexOf('%'); at >= 0; at = v.indexOf('%', at + 1)) {
          if (v.charCodeAt(at + 1) !== 0x28) {
            unnamedPercent.push(e);
            break;
          }
        }
      }
    }
    const byKey = new Map<string, IniEntry[]>();
    for (const [key, list] of lists) byKey.set(key, list.entries);
    index.entries = { byKey, repeatInBlock, unnamedPercent };
  }
  return index.entries;
}

/**
 * Every entry written with this key in any document, `[DEFAULT]` ones included, in read order.
 * The merged configuration's entries are among these, so a rule can first ask whether any of
 * them could be a finding at all, before it walks sections. Keys are lower case.
 */
export function writtenWithKey(ctx: IniLintContext, key: string): readonly IniEntry[] {
  return entryIndex(ctx).byKey.get(key) ?? NONE;
}

const NONE: readonly IniEntry[] = [];

/** The keys written anywhere, with their entries (see writtenWithKey). */
export function writtenKeys(ctx: IniLintContext): ReadonlyMap<string, readonly IniEntry[]> {
  return entryIndex(ctx).byKey;
}

/**
 * Every entry of every document whose value (as read, before `%(here)s`) has a `%` that does
 * not open `%(`: the only values where a `%` can be anything but a named specifier.
 */
export function entriesWithUnnamedPercent(ctx: IniLintContext): readonly IniEntry[] {
  return entryIndex(ctx).unnamedPercent;
}

/**
 * The entry supervisord reads for `key` (lower case) in a section, as `ctx.ini.section(name).get`
 * answers: its own last one, else [DEFAULT]'s. For rules that ask it of thousands of sections,
 * it is looked up in a map built once per key from the written entries.
 */
export function entryIn(ctx: IniLintContext, section: string, key: string): IniEntry | undefined {
  const readEntries = indexOf(ctx).readEntries;
  let byKey = readEntries.get(key);
  if (!byKey) {
    byKey = { own: new Map(), inherited: undefined };
    const entries = writtenWithKey(ctx, key);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.fromDefault) byKey.inherited = e;
      else byKey.own.set(e.section, e);
    }
    readEntries.set(key, byKey);
  }
  const own = byKey.own.get(section);
  if (own || !byKey.inherited) return own;
  return ctx.ini.section(section) ? byKey.inherited : undefined;
}

/**
 * Whether an entry written with one of `keys` passes `test`. When none does, no section's entry
 * does either: a rule asks this of the few hundred values of a key before walking sections.
 */
export function anyWritten(ctx: IniLintContext, keys: readonly string[], test: (e: IniEntry) => boolean): boolean {
  for (const key of keys) {
    const entries = writtenWithKey(ctx, key);
    for (let i = 0; i < entries.length; i++) if (test(entries[i]!)) return true;
  }
  return false;
}

/** False when no section (`[DEFAULT]` included) has a key written twice, in one block or in two. */
export function mayRepeatKeys(ctx: IniLintContext): boolean {
  return entryIndex(ctx).repeatInBlock || repeatedSectionNames(ctx).size > 0;
}

/**
 * Each of `keys` that a section of these kinds sets (its own value or [DEFAULT]'s), section by
 * section and in the order of `keys`: the entry supervisord reads, so positions point at it.
 */
export function keysIn(ctx: IniLintContext, kinds: readonly SectionKind[], keys: readonly string[]): Array<{ section: IniConfigSection; key: string; entry: IniEntry }> {
  const found: Array<{ section: IniConfigSection; key: string; entry: IniEntry }> = [];
  // a key written nowhere is in no section: most rules ask for keys few sections set
  const asked = keys.filter((k) => writtenWithKey(ctx, k).length > 0);
  if (asked.length === 0) return found;
  const sections = sectionsOfKinds(ctx, kinds);
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    for (let k = 0; k < asked.length; k++) {
      const key = asked[k]!;
      const entry = section.get(key);
      if (entry) found.push({ section, key, entry });
    }
  }
  return found;
}

/** The output channels with a log of their own: stderr goes to stdout's log when redirected. */
export function ownLogChannels(p: ResolvedProcess): readonly ('stdout' | 'stderr')[] {
  return p.redirectStderr ? STDOUT_ONLY : BOTH;
}

const STDOUT_ONLY = ['stdout'] as const;
const BOTH = ['stdout', 'stderr'] as const;

/** The program names a `[group:x] programs=` lists: split at commas, trimmed, empty names dropped. */
export function groupMembers(e: IniEntry | undefined): string[] {
  return (e?.value ?? '').split(',').map((m) => m.trim()).filter(Boolean);
}
