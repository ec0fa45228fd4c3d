/**
 * From schema-valid YAML data to the model: templates applied, `defaults:` merged under every
 * process (environment key by key), names and cross references checked. Every problem is a
 * located diagnostic; all of them are collected.
 */
import type { Diagnostic, SourcePos } from '../core/diagnostic.js';
import type { ControlModel, GroupModel, ModelOption, Options, ProcessModel, WorkersModel } from './model.js';
import { nameProblem } from './names.js';
import { PROCESS_MAPS } from './schema.js';
import { applyTemplate, type TemplateScope } from './template.js';
import type { Cursor, YamlSource } from './yaml-source.js';

type Data = Record<string, unknown>;

/** `obj[key] = value` as an own property, even for `__proto__` (as Object.fromEntries does). */
function ownProperty(obj: object, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else (obj as Data)[key] = value;
}

export interface NormaliseOptions {
  cliVars: Readonly<Record<string, string>>;
  env: Readonly<Record<string, string | undefined>>;
}

class Normaliser {
  readonly diagnostics: Diagnostic[] = [];
  private scope: TemplateScope;

  constructor(private readonly src: YamlSource, opts: NormaliseOptions) {
    this.scope = { cliVars: opts.cliVars, vars: {}, env: opts.env };
  }

  error(at: SourcePos, message: string, ruleId = 'workers-invalid'): void {
    this.diagnostics.push({ ...at, severity: 'error', ruleId, message });
  }

  /** Strings templated, numbers and booleans kept (environment values become strings). */
  private templated(value: unknown, at: Cursor): unknown {
    if (typeof value === 'string') {
      if (!value.includes('${')) return value;
      const r = applyTemplate(value, this.scope);
      if (r.ok) return r.value;
      this.error(this.src.pos(at), r.message, 'workers-template');
      return value;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.templated(value[i], this.src.step(at, i));
      return out;
    }
    if (value && typeof value === 'object') {
      const out: Data = {};
      const keys = Object.keys(value);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        ownProperty(out, k, this.templated((value as Data)[k], this.src.step(at, k)));
      }
      return out;
    }
    return value;
  }

  resolveVars(vars: Data | undefined): void {
    const resolved: Record<string, string> = {};
    const at = this.src.step(this.src.root, 'vars');
    const data = vars ?? {};
    const names = Object.keys(data);
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      this.scope = { ...this.scope, vars: resolved };
      resolved[name] = String(this.templated(String(data[name]), this.src.step(at, name)));
    }
    this.scope = { ...this.scope, vars: resolved };
  }

  // Templating, copying and positions in one pass over a list or map; each item's cursor is
  // found once. Diagnostics come out in the order a separate templating pass would give.
  option(key: string, raw: unknown, at: Cursor): ModelOption {
    const src = this.src;
    if (Array.isArray(raw)) {
      const n = raw.length;
      const value: unknown[] = new Array(n);
      const items: SourcePos[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const itemAt = src.step(at, i);
        value[i] = this.templated(raw[i], itemAt);
        items[i] = src.pos(itemAt);
      }
      return { key, value: value as ModelOption['value'], at: src.pos(at), items };
    }
    if (raw && typeof raw === 'object') {
      const strings: Record<string, string> = {};
      const entries: Record<string, SourcePos> = {};
      const keys = Object.keys(raw);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        const entryAt = src.step(at, k);
        ownProperty(strings, k, String(this.templated((raw as Data)[k], entryAt)));
        ownProperty(entries, k, src.pos(entryAt));
      }
      return { key, value: strings, at: src.pos(at), entries };
    }
    return { key, value: this.templated(raw, at) as ModelOption['value'], at: src.pos(at) };
  }

  options(data: Data | undefined, at: Cursor): Options {
    const out: Options = {};
    if (!data) return out;
    const keys = Object.keys(data);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      out[key] = this.option(key, data[key], this.src.step(at, key));
    }
    return out;
  }

  control(data: unknown): ControlModel | null {
    if (data === undefined || data === false) return null;
    const options = this.options(data as Data, this.src.step(this.src.root, 'control'));
    return { kind: 'socket' in options ? 'unix' : 'inet', at: this.src.keyPos(this.src.root, 'control'), options };
  }

  processes(root: Data, defaults: Options): ProcessModel[] {
    const out: ProcessModel[] = [];
    const seen = new Map<string, string>();
    const defaultKeys = Object.keys(defaults);
    for (const [map, kind] of Object.entries(PROCESS_MAPS)) {
      const mapAt = this.src.step(this.src.root, map);
      const bodies = (root[map] as Data | undefined) ?? {};
      const names = Object.keys(bodies);
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        const at = this.src.keyPos(mapAt, name);
        const bad = nameProblem(kind, name);
        if (bad) this.error(at, bad);
        const other = seen.get(name);
        if (other !== undefined) this.error(at, `${kind} ${JSON.stringify(name)} is also defined under ${other}: supervisord would silently drop one of them`);
        seen.set(name, map);
        const own = this.options(bodies[name] as Data, this.src.step(mapAt, name));
        out.push({ kind, name, at, options: merge(defaults, defaultKeys, own) });
      }
    }
    return out;
  }

  groups(root: Data, processes: ProcessModel[]): GroupModel[] {
    const byName = new Map<string, ProcessModel>();
    for (let i = 0; i < processes.length; i++) byName.set(processes[i]!.name, processes[i]!);
    const memberOf = new Map<string, string>();
    const out: GroupModel[] = [];
    const groupsAt = this.src.step(this.src.root, 'groups');
    for (const [name, body] of Object.entries((root.groups as Data | undefined) ?? {})) {
      const at = this.src.keyPos(groupsAt, name);
      const bad = nameProblem('group', name);
      if (bad) this.error(at, bad);
      if (byName.has(name)) this.error(at, `group ${JSON.stringify(name)} has the name of a ${byName.get(name)!.kind}: supervisord would silently run only one of them; rename one`);
      const groupAt = this.src.step(groupsAt, name);
      const list = Array.isArray(body) ? body : ((body as Data).programs as string[]);
      const listAt = Array.isArray(body) ? groupAt : this.src.step(groupAt, 'programs');
      const programs = list.map((member, i) => ({ name: String(member), at: this.src.pos(this.src.step(listAt, i)) }));
      for (const m of programs) this.checkMember(name, m, byName.get(m.name), memberOf);
      const priority = Array.isArray(body) || (body as Data).priority === undefined ? null : this.option('priority', (body as Data).priority, this.src.step(groupAt, 'priority'));
      out.push({ name, at, programs, priority });
    }
    return out;
  }

  private checkMember(group: string, m: { name: string; at: SourcePos }, p: ProcessModel | undefined, memberOf: Map<string, string>): void {
    if (!p) {
      this.error(m.at, `group ${JSON.stringify(group)} lists ${JSON.stringify(m.name)}, which is not under programs: or fcgi_programs:`);
      return;
    }
    if (p.kind === 'eventlistener') {
      this.error(m.at, `group ${JSON.stringify(group)} lists the event listener ${JSON.stringify(m.name)}: supervisord groups hold only programs and fcgi programs`);
      return;
    }
    const other = memberOf.get(m.name);
    if (other !== undefined) {
      this.error(m.at, `${JSON.stringify(m.name)} is already in group ${JSON.stringify(other)}: supervisord would run it twice`);
    }
    memberOf.set(m.name, group);
  }
}

/** Defaults under a process's own options; environment maps merge key by key. */
export function mergeDefaults(defaults: Options, own: Options): Options {
  return merge(defaults, Object.keys(defaults), own);
}

/** mergeDefaults with the keys of `defaults` listed once for all processes. */
function merge(defaults: Options, defaultKeys: readonly string[], own: Options): Options {
  // What `{ ...defaults, ...own }` gives (own properties, in that order), without the spreads,
  // which are slow and allocate a lot in short-lived, unoptimised code.
  const merged: Options = {};
  for (let i = 0; i < defaultKeys.length; i++) ownProperty(merged, defaultKeys[i]!, defaults[defaultKeys[i]!]);
  assignOwn(merged, own);
  const d = defaults.environment;
  const o = own.environment;
  if (d && o) {
    merged.environment = {
      key: 'environment',
      value: assignOwn(assignOwn({}, d.value as object), o.value as object) as Record<string, string>,
      at: o.at,
      entries: assignOwn(assignOwn({}, d.entries), o.entries) as Record<string, SourcePos>,
    };
  }
  return merged;
}

/** Copies the own enumerable properties of `from` (if any) onto `to`, as a spread would. */
function assignOwn(to: object, from: object | undefined): object {
  if (!from) return to;
  const keys = Object.keys(from);
  for (let i = 0; i < keys.length; i++) ownProperty(to, keys[i]!, (from as Data)[keys[i]!]);
  return to;
}

/** The model of schema-valid data, or the located reasons it cannot be built. */
export function normalise(src: YamlSource, opts: NormaliseOptions): { model: WorkersModel; diagnostics: Diagnostic[] } {
  const n = new Normaliser(src, opts);
  const root = src.data as Data;
  n.resolveVars(root.vars as Data | undefined);
  const defaults = n.options(root.defaults as Data | undefined, src.step(src.root, 'defaults'));
  const processes = n.processes(root, defaults);
  const model: WorkersModel = {
    file: src.file,
    supervisord: n.options(root.supervisord as Data | undefined, src.step(src.root, 'supervisord')),
    control: n.control(root.control),
    processes,
    groups: n.groups(root, processes),
    include: root.include === undefined ? null : n.option('files', root.include, src.step(src.root, 'include')),
  };
  return { model, diagnostics: n.diagnostics };
}
