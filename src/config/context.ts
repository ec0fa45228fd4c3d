/**
 * The state one resolution carries: the merged INI, the names `%` expansion sees, the host, and
 * the diagnostics found so far. Reading a key goes through `read` (configparser's `get` with
 * `[DEFAULT]`, then supervisord's `expand`), parsing through `parse` (a codec), so that every
 * refusal is recorded at its cause and resolution carries on.
 */
import type { Diagnostic, SourcePos } from '../core/diagnostic.js';
import type { IniConfig, IniConfigSection, IniEntry } from '../ini/index.js';
import type { Codec, Result } from '../codecs/types.js';
import { expand, expansionNames, formatExpansionError, scanned, type ExpansionValue } from '../codecs/expansion.js';
import { formatOne } from '../codecs/expansion-convert.js';
import { isPySpace, pyRepr } from '../codecs/python.js';
import { EntryPointResolver } from './entrypoint.js';
import { LayeredNames } from './names.js';
import { systemHost, type HostProbe } from './host.js';
import { RULE_IDS, type RuleId } from './rule-ids.js';
import type { ResolveContext } from './types.js';

export type Names = Record<string, ExpansionValue>;

/** One key as supervisord's getter returns it. */
export interface Read {
  /** The winning entry (own or `[DEFAULT]`), undefined when the key is not written. */
  entry: IniEntry | undefined;
  /** The expanded value, the default when not written, null when neither. */
  value: string | null;
  /** The expansion failed (already reported). */
  failed: boolean;
  /** An unknown ENV_ name was replaced by a placeholder (offline): the value is not checkable. */
  tainted: boolean;
  /** Where a problem with this key is reported: its value, or the section header. */
  pos: SourcePos;
  /** Problems with this value are not reported (see ReadOptions.quiet). */
  quiet?: boolean;
}

export interface ReadOptions {
  /** The text used when the key is not written (not expanded, as supervisord's defaults are plain). */
  default?: string | null;
  /** false: the raw value (supervisord's `do_expand=False`). */
  expand?: boolean;
  /** The `for '...'` label; default `SECTION.KEY`. */
  label?: string;
  /** Appended to every message (` in section 'program:a' (file: 'x.conf')`). */
  suffix?: string;
  /** Unknown ENV_ names become placeholders instead of errors. */
  lenient?: boolean;
  /** Report nothing (the same value was already checked and reported at group level). */
  quiet?: boolean;
}

export interface Expanded {
  ok: boolean;
  value: string;
  tainted: boolean;
}

/** What an unknown `%(ENV_X)s` becomes offline: `${X}`, visibly not a real value. */
export const placeholderFor = (name: string): string => "${" + name.slice(4) + "}";

const NO_NAMES: Names = {};
const NOWHERE: SourcePos = { file: '', line: 1, column: 1 };

/**
 * `expand` with only the names the text uses, looked up in `names` without building its dict,
 * and the text printed from its pieces read once (specifiers() keeps them), not read again;
 * null when that cannot give expand()'s answer: a bare `%s` (it prints the whole dict), a `*`, a
 * syntax error or any failure (its message lists every name), which the caller redoes with the
 * full dict.
 */
function expandFew(text: string, names: LayeredNames, lenient: boolean): Expanded | null {
  const { specs, literals } = scanned(text);
  if (literals === null) return null;
  let out = literals[0]!;
  let tainted = false;
  for (let i = 0; i < specs.length; i++) {
    const sp = specs[i]!;
    if (sp.name === null || sp.spec === null) return null;
    let v = names.lookup(sp.name);
    if (v === undefined) {
      if (!lenient || !sp.name.startsWith('ENV_')) return null;
      v = placeholderFor(sp.name);
      tainted = true;
    }
    try {
      out += formatOne(sp.spec, v, NO_NAMES, sp.index);
    } catch {
      return null;
    }
    out += literals[i + 1]!;
  }
  return { ok: true, value: out, tainted };
}

/** `Array.from(s).length` without the array (valuePos runs for every key read). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** A Read whose position is worked out only when a problem is reported (most reads have none). */
class LazyRead implements Read {
  // plain assignments, no field initialisers: thousands are made per config
  private declare readonly resolver: Resolver;
  private declare readonly section: IniConfigSection | null | undefined;
  declare entry: IniEntry | undefined;
  declare value: string | null;
  declare failed: boolean;
  declare tainted: boolean;
  declare quiet: boolean | undefined;
  private declare p: SourcePos | undefined;

  constructor(
    resolver: Resolver,
    section: IniConfigSection | null | undefined,
    entry: IniEntry | undefined,
    value: string | null,
    failed: boolean,
    tainted: boolean,
    quiet: boolean | undefined,
  ) {
    this.resolver = resolver;
    this.section = section;
    this.entry = entry;
    this.value = value;
    this.failed = failed;
    this.tainted = tainted;
    this.quiet = quiet;
    this.p = undefined;
  }

  get pos(): SourcePos {
    return (this.p ??= this.entry ? this.resolver.valuePos(this.entry) : this.resolver.sectionPos(this.section));
  }

  set pos(pos: SourcePos) {
    this.p = pos;
  }
}

export class Resolver {
  readonly diagnostics: Diagnostic[] = [];
  readonly warnings: string[] = [];
  readonly infos: string[] = [];
  readonly host: HostProbe | null;
  readonly env: Record<string, string>;
  /** ENV_* names: supervisord's environment, then `[supervisord] environment=` once parsed. */
  readonly envNames: Record<string, string>;
  /** Unknown ENV_ names are not errors (offline, or when `[supervisord] environment` failed). */
  lenientEnv: boolean;
  readonly entryPoints: EntryPointResolver;
  private readonly seen = new Set<string>();
  /**
   * Each codec's result per text: a big config repeats the same few values (and defaults) in
   * thousands of sections. Codecs are pure functions of the text and their values never mutated.
   */
  private readonly parsedTexts = new Map<Codec<unknown>, Map<string, Result<unknown>>>();

  constructor(
    readonly ini: IniConfig,
    readonly ctx: ResolveContext,
    readonly mainFile: string,
    readonly here: string,
  ) {
    this.host = ctx.host ? (ctx.probe ?? systemHost()) : null;
    this.env = {};
    for (const [k, v] of Object.entries(ctx.env)) if (v !== undefined) this.env[k] = v;
    this.envNames = {};
    for (const [k, v] of Object.entries(this.env)) this.envNames[`ENV_${k}`] = v;
    this.lenientEnv = !ctx.host;
    this.entryPoints = new EntryPointResolver(ctx.host, this.env, ctx.python);
  }

  get hostNode(): string {
    return this.ctx.hostname;
  }

  error(ruleId: RuleId, message: string, pos: SourcePos): void {
    const key = `${pos.file}\u0000${pos.line}\u0000${pos.column}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push({ ...pos, severity: 'error', ruleId, message });
  }

  sectionPos(section: IniConfigSection | null | undefined): SourcePos {
    if (!section) return { file: this.ini.documents[0]?.file ?? this.mainFile, line: 1, column: 1 };
    return { file: section.file, line: section.pos.line, column: section.pos.column };
  }

  valuePos(entry: IniEntry): SourcePos {
    let endLine = entry.valuePos.line;
    let endColumn = entry.valuePos.column;
    for (const l of entry.lines) {
      if (l.text === '') continue;
      endLine = l.line;
      endColumn = l.column + codePoints(l.text);
    }
    return { file: entry.file, line: entry.valuePos.line, column: entry.valuePos.column, endLine, endColumn };
  }

  /**
   * The position of the `index`-th comma-separated item of a read value (group members, event
   * names), when the value sits on one line exactly as written; else the whole value.
   */
  itemPos(read: Read, index: number): SourcePos {
    const entry = read.entry;
    if (!entry || entry.lines.length !== 1 || entry.value !== read.value || entry.value.includes('%')) return read.pos;
    const parts = entry.value.split(',');
    if (index >= parts.length) return read.pos;
    let offset = 0;
    for (let i = 0; i < index; i++) offset += Array.from(parts[i]!).length + 1;
    const part = Array.from(parts[index]!);
    let lead = 0;
    while (lead < part.length && isPySpace(part[lead]!)) lead++;
    let trail = part.length;
    while (trail > lead && isPySpace(part[trail - 1]!)) trail--;
    const column = entry.valuePos.column + offset + lead;
    return { file: entry.file, line: entry.valuePos.line, column, endLine: entry.valuePos.line, endColumn: column + (trail - lead) };
  }

  keyPos(entry: IniEntry): SourcePos {
    return { file: entry.file, line: entry.keyPos.line, column: entry.keyPos.column };
  }

  /** Where a key's problem goes: its value when written, else the section header. */
  posOf(section: IniConfigSection | null | undefined, key: string): SourcePos {
    const entry = section?.get(key);
    return entry ? this.valuePos(entry) : this.sectionPos(section);
  }

  /** ` in section 'program:a' (file: 'x.conf')`, as processes_from_section wraps its errors. */
  sectionSuffix(section: IniConfigSection): string {
    return ` in section ${pyRepr(section.name)} (file: ${pyRepr(section.file)})`;
  }

  /** supervisord's `expand(text, names, label)`, recording its error at `pos`. */
  expandText(
    text: string,
    given: Names | LayeredNames,
    label: string,
    pos: SourcePos | (() => SourcePos),
    suffix = '',
    lenient = this.lenientEnv,
    quiet = false,
  ): Expanded {
    // without a `%`, expand() gives the text back whatever the names
    if (!text.includes('%')) return { ok: true, value: text, tainted: false };
    if (given instanceof LayeredNames) {
      const few = expandFew(text, given, lenient);
      if (few) return few;
    }
    const names = given instanceof LayeredNames ? given.all() : given;
    let used: Names = names;
    let tainted = false;
    if (lenient) {
      for (const name of expansionNames(text)) {
        if (name.startsWith('ENV_') && !Object.prototype.hasOwnProperty.call(names, name)) {
          if (!tainted) used = { ...names };
          tainted = true;
          used[name] = placeholderFor(name);
        }
      }
    }
    const r = expand(text, used);
    if (r.ok) return { ok: true, value: r.value, tainted };
    const message = formatExpansionError(text, label, r, Object.keys(names)) + suffix;
    const rule = r.kind === 'unknown-name' && r.name.startsWith('ENV_') ? RULE_IDS.hostEnv : RULE_IDS.expansion;
    if (!quiet) this.error(rule, message, typeof pos === 'function' ? pos() : pos);
    return { ok: false, value: text, tainted };
  }

  /** configparser `get` + supervisord `saneget`: the key, `[DEFAULT]`, the default, expanded. */
  read(section: IniConfigSection | null | undefined, key: string, names: Names | LayeredNames, opts: ReadOptions = {}): Read {
    // keys are catalogue names (lower case): most are not written, which the key set tells at once
    const entry = section && section.keySet().has(key) ? section.get(key) : undefined;
    if (!entry) return new LazyRead(this, section, entry, opts.default ?? null, false, false, undefined);
    if (opts.expand === false) return new LazyRead(this, section, entry, entry.value, false, false, undefined);
    // without a `%`, expand() gives the text back (most values): no label to build
    if (!entry.value.includes('%')) return new LazyRead(this, section, entry, entry.value, false, false, opts.quiet);
    const read = new LazyRead(this, section, entry, null, false, false, opts.quiet);
    const lenient = opts.lenient ?? this.lenientEnv;
    let r = this.expandText(entry.value, names, '', NOWHERE, '', lenient, true);
    // a failure (rare) is expanded again to be reported, with its label and position
    if (!r.ok && !opts.quiet) {
      r = this.expandText(entry.value, names, opts.label ?? `${section!.name}.${key}`, () => read.pos, opts.suffix ?? '', lenient);
    }
    read.value = r.value;
    read.failed = !r.ok;
    read.tainted = r.tainted;
    return read;
  }

  /**
   * A codec on a read value. undefined when the read failed, the value is unknown offline
   * (tainted), the key is absent with no default, or the codec refused it (reported).
   */
  parse<T>(codec: Codec<T>, read: Read, opts: { rule?: RuleId; suffix?: string; wrap?: (message: string) => string } = {}): T | undefined {
    if (read.failed || read.tainted || read.value === null) return undefined;
    const r = this.parseText(codec, read.value);
    if (r.ok) return r.value;
    const message = (opts.wrap ? opts.wrap(r.message) : r.message) + (opts.suffix ?? '');
    if (!read.quiet) this.error(opts.rule ?? RULE_IDS.invalidValue, message, read.pos);
    return undefined;
  }

  /** `codec.parse(text)`, worked out once per text and codec (see parsedTexts). */
  parseText<T>(codec: Codec<T>, text: string): Result<T> {
    let byText = this.parsedTexts.get(codec) as Map<string, Result<T>> | undefined;
    if (!byText) this.parsedTexts.set(codec, (byText = new Map()));
    let r = byText.get(text);
    if (!r) byText.set(text, (r = codec.parse(text)));
    return r;
  }

  /** `parse` with a fallback value for the model when the value is unusable. */
  parseOr<T>(codec: Codec<T>, read: Read, fallback: T, opts: { rule?: RuleId; suffix?: string } = {}): { value: T; known: boolean } {
    const v = this.parse(codec, read, opts);
    return v === undefined ? { value: fallback, known: false } : { value: v, known: true };
  }

  /** Sections whose name starts with `prefix`, in configparser's order. */
  sectionsStarting(prefix: string): IniConfigSection[] {
    return this.ini.sections.filter((s) => s.name.startsWith(prefix));
  }
}
