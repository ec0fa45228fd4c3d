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
import type { DataPath, YamlSource } from './yaml-source.js';

type Data = Record<string, unknown>;

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
  private templated(value: unknown, path: DataPath): unknown {
    if (typeof value === 'string') {
      const r = applyTemplate(value, this.scope);
      if (r.ok) return r.value;
      this.error(this.src.locate(path), r.message, 'workers-template');
      return value;
    }
    if (Array.isArray(value)) return value.map((v, i) => this.templated(v, [...path, i]));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.templated(v, [...path, k])]));
    }
    return value;
  }

  resolveVars(vars: Data | undefined): void {
    const resolved: Record<string, string> = {};
    for (const [name, raw] of Object.entries(vars ?? {})) {
      this.scope = { ...this.scope, vars: resolved };
      resolved[name] = String(this.templated(String(raw), ['vars', name]));
    }
    this.scope = { ...this.scope, vars: resolved };
  }

  option(key: string, raw: unknown, path: DataPath): ModelOption {
    const value = this.templated(raw, path);
    const opt: ModelOption = { key, value: value as ModelOption['value'], at: this.src.locate(path) };
    if (Array.isArray(value)) opt.items = value.map((_, i) => this.src.locate([...path, i]));
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      opt.value = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
      opt.entries = Object.fromEntries(Object.keys(value).map((k) => [k, this.src.locate([...path, k])]));
    }
    return opt;
  }

  options(data: Data | undefined, path: DataPath): Options {
    const out: Options = {};
    for (const [key, raw] of Object.entries(data ?? {})) out[key] = this.option(key, raw, [...path, key]);
    return out;
  }

  control(data: unknown): ControlModel | null {
    if (data === undefined || data === false) return null;
    const options = this.options(data as Data, ['control']);
    return { kind: 'socket' in options ? 'unix' : 'inet', at: this.src.locate(['control'], 'key'), options };
  }

  processes(root: Data, defaults: Options): ProcessModel[] {
    const out: ProcessModel[] = [];
    const seen = new Map<string, string>();
    for (const [map, kind] of Object.entries(PROCESS_MAPS)) {
      for (const [name, body] of Object.entries((root[map] as Data | undefined) ?? {})) {
        const at = this.src.locate([map, name], 'key');
        const bad = nameProblem(kind, name);
        if (bad) this.error(at, bad);
        if (seen.has(name)) this.error(at, `${kind} ${JSON.stringify(name)} is also defined under ${seen.get(name)}: supervisord would silently drop one of them`);
        seen.set(name, map);
        const own = this.options(body as Data, [map, name]);
        out.push({ kind, name, at, options: mergeDefaults(defaults, own) });
      }
    }
    return out;
  }

  groups(root: Data, processes: ProcessModel[]): GroupModel[] {
    const byName = new Map(processes.map((p) => [p.name, p]));
    const memberOf = new Map<string, string>();
    const out: GroupModel[] = [];
    for (const [name, body] of Object.entries((root.groups as Data | undefined) ?? {})) {
      const at = this.src.locate(['groups', name], 'key');
      const bad = nameProblem('group', name);
      if (bad) this.error(at, bad);
      if (byName.has(name)) this.error(at, `group ${JSON.stringify(name)} has the name of a ${byName.get(name)!.kind}: supervisord would silently run only one of them; rename one`);
      const list = Array.isArray(body) ? body : ((body as Data).programs as string[]);
      const listPath: DataPath = Array.isArray(body) ? ['groups', name] : ['groups', name, 'programs'];
      const programs = list.map((member, i) => ({ name: String(member), at: this.src.locate([...listPath, i]) }));
      for (const m of programs) this.checkMember(name, m, byName.get(m.name), memberOf);
      const priority = Array.isArray(body) || (body as Data).priority === undefined ? null : this.option('priority', (body as Data).priority, ['groups', name, 'priority']);
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
  const merged: Options = { ...defaults, ...own };
  const d = defaults.environment;
  const o = own.environment;
  if (d && o) {
    merged.environment = {
      key: 'environment',
      value: { ...(d.value as Record<string, string>), ...(o.value as Record<string, string>) },
      at: o.at,
      entries: { ...d.entries, ...o.entries },
    };
  }
  return merged;
}

/** The model of schema-valid data, or the located reasons it cannot be built. */
export function normalise(src: YamlSource, opts: NormaliseOptions): { model: WorkersModel; diagnostics: Diagnostic[] } {
  const n = new Normaliser(src, opts);
  const root = src.data as Data;
  n.resolveVars(root.vars as Data | undefined);
  const defaults = n.options(root.defaults as Data | undefined, ['defaults']);
  const processes = n.processes(root, defaults);
  const model: WorkersModel = {
    file: src.file,
    supervisord: n.options(root.supervisord as Data | undefined, ['supervisord']),
    control: n.control(root.control),
    processes,
    groups: n.groups(root, processes),
    include: root.include === undefined ? null : n.option('files', root.include, ['include']),
  };
  return { model, diagnostics: n.diagnostics };
}
