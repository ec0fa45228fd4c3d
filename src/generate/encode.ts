/**
 * One workers.yaml value -> the text supervisord must read to get the same meaning: typed via
 * its codec, `%` escaped for the key's expansion passes, expansions checked, nothing that the
 * INI reader would cut, strip or split.
 */
import type { ExpansionName, OptionSpec } from '../catalogue/types.js';
import { codecFor } from '../codecs/index.js';
import { commandCodec, shlexSplit } from '../codecs/command.js';
import { environmentCodec } from '../codecs/environment.js';
import type { Diagnostic, SourcePos } from '../core/diagnostic.js';
import type { ModelOption } from '../workers/model.js';
import { describeNames, hasExpansion, literalText, nameAvailable, type Segment, segments } from './percent.js';
import { hold, PLACEHOLDER_OPEN, type Placeheld, release } from './placeholders.js';
import { hazard, hazardMessage } from './safety.js';

/**
 * Text with no `%` (and no placeholder character) is one literal segment: holding it changes
 * nothing and releasing it gives it back as it is, so the encoders skip both for it.
 */
function plain(text: string): boolean {
  return !text.includes('%') && !text.includes(PLACEHOLDER_OPEN);
}

const QUOTE_OR_BACKSLASH = /['"\\]/;
/** Anything but shlex's white space (space, tab, CR, LF). */
const SHLEX_NON_SPACE = /[^ \t\r\n]/;

export class Encoder {
  readonly diagnostics: Diagnostic[] = [];
  /** Values already encoded, by option and text (only those that encoded without a problem). */
  private readonly encoded = new Map<OptionSpec, Map<string, string>>();
  // How fileEnv is worked out, and its value once it has been: only an ENV_ expansion in a key
  // expanded twice asks for it, and most files have none, so it is not built for every program.
  private envSource: () => ReadonlyMap<string, string> = () => new Map();
  private envCache: ReadonlyMap<string, string> | null = null;

  /**
   * Environment values this file defines ([supervisord] environment, then the program's own),
   * as supervisord will see them: a `%` in one of them breaks a key expanded twice.
   */
  get fileEnv(): ReadonlyMap<string, string> {
    return (this.envCache ??= this.envSource());
  }

  /**
   * Sets fileEnv for what is encoded next to `make(the fileEnv it replaces)`, computed on first
   * use. Returns the function that puts the replaced one back.
   */
  useFileEnv(make: (outer: ReadonlyMap<string, string>) => ReadonlyMap<string, string>): () => void {
    const outerSource = this.envSource;
    let outer = this.envCache;
    this.envSource = () => make((outer ??= outerSource()));
    this.envCache = null;
    return () => {
      this.envSource = outerSource;
      this.envCache = outer;
    };
  }

  error(at: SourcePos, message: string, ruleId = 'generate-value'): null {
    this.diagnostics.push({ ...at, severity: 'error', ruleId, message });
    return null;
  }

  /** Segments of `text` with every expansion checked against `names`. */
  segs(text: string, names: readonly ExpansionName[], passes: number, where: string, at: SourcePos): Segment[] | null {
    const r = segments(text);
    if (!r.ok) return this.error(at, `${where}: ${r.message}`, 'generate-expansion');
    for (const s of r.value) {
      if (s.kind !== 'expansion') continue;
      if (passes === 0 || !nameAvailable(s.name, names)) {
        return this.error(at, `${where}: ${s.text} cannot be expanded there; the names supervisord offers for this key are ${describeNames(passes === 0 ? [] : names)} (write %% for a literal %)`, 'generate-expansion');
      }
      const inserted = passes === 2 && s.name.startsWith('ENV_') ? this.fileEnv.get(s.name.slice(4)) : undefined;
      if (inserted !== undefined && inserted.includes('%')) {
        return this.error(at, `${where}: supervisord expands this key twice, so the % inside ${s.name.slice(4)} (${JSON.stringify(inserted)}) inserted by ${s.text} would be read as a format and refused; remove the % from that variable or write the value here`, 'generate-expansion');
      }
    }
    return r.value;
  }

  /** Encode one option; null (and a diagnostic) when it cannot be written faithfully. */
  option(spec: OptionSpec, opt: ModelOption, where: string, names: readonly ExpansionName[] = spec.expansion.names): string | null {
    if (spec.type === 'command') return this.command(spec, opt, where, names);
    if (spec.type === 'environment') return this.environment(spec, opt, where, names);
    const text = this.toText(spec, opt, where);
    if (text === null) return null;
    // The same value of the same option (autorestart: true in every program) encodes the same
    // way, unless its names differ or an ENV_ expansion reads this file's environment.
    const cacheable = names === spec.expansion.names && !text.includes('ENV_');
    let done = cacheable ? this.encoded.get(spec) : undefined;
    const hit = done?.get(text);
    if (hit !== undefined) return hit;
    const result = this.encode(spec, opt, where, names, text);
    if (result !== null && cacheable) {
      if (!done) this.encoded.set(spec, (done = new Map()));
      done.set(text, result);
    }
    return result;
  }

  private encode(spec: OptionSpec, opt: ModelOption, where: string, names: readonly ExpansionName[], text: string): string | null {
    const passes = spec.expansion.passes;
    if (plain(text)) {
      // No `%` and no placeholder character: one literal segment, written as it is.
      const parsed = codecFor(spec.type).parse(text);
      if (!parsed.ok) return this.error(opt.at, `${where}: supervisord would refuse ${JSON.stringify(text)}: ${parsed.message}`);
      const h = hazard(text);
      return h ? this.error(opt.at, hazardMessage(where, h)) : text;
    }
    const segs = this.segs(text, names, passes, where, opt.at);
    if (!segs) return null;
    if (!hasExpansion(segs)) {
      const parsed = codecFor(spec.type).parse(literalText(segs));
      if (!parsed.ok) return this.error(opt.at, `${where}: supervisord would refuse ${JSON.stringify(literalText(segs))}: ${parsed.message}`);
    }
    const held = hold(segs);
    const h = hazard(held.text);
    if (h) return this.error(opt.at, hazardMessage(where, h));
    return release(held.text, held.expansions, passes);
  }

  private toText(spec: OptionSpec, opt: ModelOption, where: string): string | null {
    const v = opt.value;
    if (!Array.isArray(v)) return String(v);
    const sep = spec.type === 'globlist' ? ' ' : ',';
    for (let i = 0; i < v.length; i++) {
      const s = String(v[i]);
      const bad = sep === ' ' ? /\s/.test(s) : s.includes(',') || s.trim() !== s;
      if (bad) {
        const why = sep === ' ' ? 'white space (supervisord splits this list on white space)' : "',' or outer white space (supervisord splits this list on ',' and strips items)";
        return this.error(opt.items?.[i] ?? opt.at, `${where}[${i}] ${JSON.stringify(s)} cannot contain ${why}`);
      }
    }
    return v.join(sep);
  }

  private command(spec: OptionSpec, opt: ModelOption, where: string, names: readonly ExpansionName[]): string | null {
    const passes = spec.expansion.passes;
    if (!Array.isArray(opt.value)) {
      const value = String(opt.value).trim();
      let held: Placeheld = { text: value, expansions: [] };
      if (!plain(value)) {
        const segs = this.segs(value, names, passes, where, opt.at);
        if (!segs) return null;
        held = hold(segs);
      }
      const h = hazard(held.text);
      if (h) return this.error(opt.at, hazardMessage(where, h, 'write the command as a list ([program, arg, ...]) so that gen-supervisor can quote it, or remove the white space before it'));
      // Without a quote or a backslash shlex cannot fail, and gives a word if anything but its
      // white space is there: only a command with one of them is split to know.
      if (QUOTE_OR_BACKSLASH.test(held.text)) {
        const split = shlexSplit(held.text);
        if (!split.ok) return this.error(opt.at, `${where}: supervisord could not split this command at spawn time (${split.message}); fix the quoting or write it as a list`);
        if (split.value.length === 0) return this.error(opt.at, `${where} is empty`);
      } else if (!SHLEX_NON_SPACE.test(held.text)) return this.error(opt.at, `${where} is empty`);
      return release(held.text, held.expansions, passes);
    }
    const expansions: string[] = [];
    const argv: string[] = [];
    for (let i = 0; i < opt.value.length; i++) {
      const item = String(opt.value[i]);
      const at = opt.items?.[i] ?? opt.at;
      let text = item;
      if (!plain(item)) {
        const segs = this.segs(item, names, passes, `${where}[${i}]`, at);
        if (!segs) return null;
        text = hold(segs, expansions).text;
      }
      if (/[\r\n]/.test(text)) return this.error(at, hazardMessage(`${where}[${i}]`, { kind: 'line-break' }));
      argv.push(text);
    }
    const formatted = commandCodec.format(argv);
    if (!formatted.ok) return this.error(opt.at, `${where}: ${formatted.message}`);
    return release(formatted.value, expansions, passes);
  }

  private environment(spec: OptionSpec, opt: ModelOption, where: string, names: readonly ExpansionName[]): string | null {
    const expansions: string[] = [];
    const pairs: Array<[string, string]> = [];
    const ats: SourcePos[] = [];
    let failed = false;
    const map = opt.value as Record<string, string>;
    for (const key of Object.keys(map)) {
      const value = map[key]!;
      const at = opt.entries?.[key] ?? opt.at;
      let text = value;
      if (!plain(value)) {
        const segs = this.segs(value, names, spec.expansion.passes, `${where}.${key}`, at);
        if (!segs) {
          failed = true;
          continue;
        }
        text = hold(segs, expansions).text;
      }
      pairs.push([key, text]);
      ats.push(at);
    }
    // The whole map written at once reads back right only if every variable alone does (each
    // one is KEY="value", three tokens of its own), so most maps need one check, not one per
    // variable; the per-variable checks below are only for saying which one fails.
    if (!failed) {
      const all = environmentCodec.format(pairs);
      if (all.ok) return release(all.value, expansions, spec.expansion.passes);
    }
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i]!;
      const one = environmentCodec.format([pair]);
      if (!one.ok) {
        const h = hazard(pair[1]);
        const message = h && h.kind !== 'strip' ? hazardMessage(`${where}.${pair[0]}`, h, 'remove the white space before it, or pass the value another way (a file the program reads)') : `${where}.${pair[0]}: ${one.message}`;
        this.error(ats[i]!, message);
        failed = true;
      }
    }
    if (failed) return null;
    const all = environmentCodec.format(pairs);
    if (!all.ok) return this.error(opt.at, `${where}: ${all.message}`);
    return release(all.value, expansions, spec.expansion.passes);
  }
}
