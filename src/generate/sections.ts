/** The model's parts as INI sections, values encoded by the Encoder. */
import { sectionSpec } from '../catalogue/index.js';
import type { ExpansionName, SectionKind } from '../catalogue/types.js';
import { codecFor } from '../codecs/index.js';
import type { IniWriteEntry, IniWriteSection } from '../ini/writer.js';
import type { ControlModel, GroupModel, ModelOption, Options, ProcessModel } from '../workers/model.js';
import type { Encoder } from './encode.js';
import { hasExpansion, literalText, segments } from './percent.js';

export const DEFAULT_PROCESS_NAME = '%(program_name)s_%(process_num)02d';
const RPC_FACTORY = 'supervisor.rpcinterface:make_main_rpcinterface';
const MAP_OF: Record<ProcessModel['kind'], string> = { program: 'programs', eventlistener: 'eventlisteners', 'fcgi-program': 'fcgi_programs' };

const catalogueOrder = new Map<SectionKind, Map<string, number>>();

/** Where each key of the section kind comes in the catalogue. */
function orderOf(kind: SectionKind): Map<string, number> {
  let order = catalogueOrder.get(kind);
  if (!order) {
    order = new Map();
    for (const [i, spec] of sectionSpec(kind).options.entries()) if (!order.has(spec.key)) order.set(spec.key, i);
    catalogueOrder.set(kind, order);
  }
  return order;
}

/** Options in catalogue order, each encoded; a key that fails is left out (its error is recorded). */
function entries(enc: Encoder, kind: SectionKind, options: Options, where: string): IniWriteEntry[] {
  const out: IniWriteEntry[] = [];
  const specs = sectionSpec(kind).options;
  // The few keys given, sorted into catalogue order (rather than every catalogue key looked up).
  const order = orderOf(kind);
  const present: number[] = [];
  for (const key of Object.keys(options)) {
    const i = order.get(key);
    if (i === undefined) continue;
    // Insertion sort: a handful of keys, and Array#sort allocates a work area on every call.
    let j = present.length;
    present.push(i);
    for (; j > 0 && present[j - 1]! > i; j--) present[j] = present[j - 1]!;
    present[j] = i;
  }
  for (const i of present) {
    const spec = specs[i]!;
    const opt = options[spec.key];
    if (!opt) continue;
    const value = enc.option(spec, opt, `${where}.${spec.key}`);
    if (value !== null) out.push({ key: spec.key, value });
  }
  return out;
}

export function supervisordSection(enc: Encoder, options: Options): IniWriteSection {
  const section = { name: 'supervisord', entries: entries(enc, 'supervisord', options, 'supervisord') };
  // Its environment becomes ENV_ names for every program.
  const environment = options.environment;
  enc.useFileEnv(() => new Map(envValues(environment)));
  return section;
}

/** A workers environment map as supervisord will hold it: only literal values are known here. */
function envValues(opt: ModelOption | undefined): Array<[string, string]> {
  if (!opt || typeof opt.value !== 'object' || opt.value === null || Array.isArray(opt.value)) return [];
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(opt.value as Record<string, string>)) {
    const segs = segments(value);
    if (segs.ok && !hasExpansion(segs.value)) out.push([key, literalText(segs.value)]);
  }
  return out;
}

function renamed(opt: ModelOption | undefined, key: string): Options {
  return opt ? { [key]: { ...opt, key } } : {};
}

export function controlSections(enc: Encoder, control: ControlModel): IniWriteSection[] {
  const o = control.options;
  const auth = { ...renamed(o.username, 'username'), ...renamed(o.password, 'password') };
  const ctlAuth = entries(enc, 'supervisorctl', auth, 'control');
  let server: IniWriteSection;
  let serverurl: string | null = null;
  if (control.kind === 'unix') {
    const file = entries(enc, 'unix_http_server', { ...renamed(o.socket, 'file'), ...renamed(o.chmod, 'chmod'), ...renamed(o.chown, 'chown'), ...auth }, 'control');
    const path = file.find((e) => e.key === 'file')?.value;
    if (path !== undefined && !path.startsWith('/') && !path.startsWith('%(here)s')) {
      enc.error(o.socket!.at, 'control.socket must be an absolute path (or start with %(here)s): supervisord and supervisorctl resolve a relative one against their own, different, working directories');
    }
    if (path !== undefined) serverurl = `unix://${path}`;
    server = { name: 'unix_http_server', entries: file };
  } else {
    const port = entries(enc, 'inet_http_server', { ...renamed(o.inet, 'port'), ...auth }, 'control');
    const text = port.find((e) => e.key === 'port')?.value;
    if (text !== undefined) serverurl = `http://${inetUrlHost(text)}`;
    server = { name: 'inet_http_server', entries: port };
  }
  const ctl: IniWriteEntry[] = serverurl === null ? [] : [{ key: 'serverurl', value: serverurl }];
  return [
    server,
    { name: 'rpcinterface:supervisor', entries: [{ key: 'supervisor.rpcinterface_factory', value: RPC_FACTORY }] },
    { name: 'supervisorctl', entries: [...ctl, ...ctlAuth] },
  ];
}

/** HOST:PORT for supervisorctl: a server on every interface is reached through localhost. */
function inetUrlHost(text: string): string {
  const parsed = codecFor('inetaddr').parse(text);
  if (!parsed.ok) return text;
  const { host, port } = parsed.value;
  return `${host === '' || host === '*' ? 'localhost' : host}:${port}`;
}

export function processSection(enc: Encoder, p: ProcessModel): IniWriteSection {
  const where = `${MAP_OF[p.kind]}.${p.name}`;
  let options: Options = p.options;
  const numprocs = options.numprocs?.value;
  const many = typeof numprocs === 'number' && numprocs > 1;
  if (many && !options.process_name) {
    // What `{ ...options, process_name }` gives, without a spread (slow in cold code).
    const copy: Options = {};
    for (const key of Object.keys(options)) {
      if (key === '__proto__') Object.defineProperty(copy, key, { value: options[key], writable: true, enumerable: true, configurable: true });
      else copy[key] = options[key]!;
    }
    copy.process_name = { key: 'process_name', value: DEFAULT_PROCESS_NAME, at: options.numprocs!.at };
    options = copy;
  }
  const environment = options.environment;
  const restore = enc.useFileEnv((outer) => new Map([...outer, ...envValues(environment)]));
  const list = entries(enc, p.kind, options, where);
  restore();
  if (options.process_name) {
    for (let i = 0; i < list.length; i++) {
      if (list[i]!.key === 'process_name') {
        checkProcessName(enc, list[i]!.value, many, options.process_name, where);
        break;
      }
    }
  }
  if (options.stopasgroup?.value === true && options.killasgroup?.value === false) {
    enc.error(options.killasgroup!.at, `${where}: supervisord refuses stopasgroup: true with killasgroup: false`);
  }
  if (p.kind === 'eventlistener' && options.redirect_stderr?.value === true) {
    enc.error(options.redirect_stderr!.at, `${where}.redirect_stderr: supervisord refuses redirect_stderr for an event listener (stdout carries its protocol)`);
  }
  return { name: `${p.kind}:${p.name}`, entries: list };
}

function checkProcessName(enc: Encoder, written: string, many: boolean, opt: ModelOption, where: string): void {
  const parsed = codecFor('name').parse(written);
  if (!parsed.ok) enc.error(opt.at, `${where}.process_name: supervisord would refuse it: ${parsed.message}`);
  else if (many && !/%\(process_num\)[-+ #0]*\d*(\.\d*)?[hlL]?[diouxXeEfFgGcrsa]/.test(written.replace(/%%/g, ''))) {
    enc.error(opt.at, `${where}.process_name must contain %(process_num) (for example ${DEFAULT_PROCESS_NAME}) when numprocs > 1, so that each process gets its own name`);
  }
}

export function groupSection(enc: Encoder, g: GroupModel): IniWriteSection {
  const list: IniWriteEntry[] = [{ key: 'programs', value: g.programs.map((m) => m.name).join(',') }];
  if (g.priority) list.push(...entries(enc, 'group', { priority: g.priority }, `groups.${g.name}`));
  return { name: `group:${g.name}`, entries: list };
}

export function includeSection(enc: Encoder, files: ModelOption): IniWriteSection {
  return { name: 'include', entries: entries(enc, 'include', { files }, 'include') };
}
