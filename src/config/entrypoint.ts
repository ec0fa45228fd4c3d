/**
 * `module:attr` specs (rpcinterface factories, eventlistener result handlers), parsed as
 * pkg_resources' `EntryPoint.parse("x=" + spec)` does and resolved the way supervisord's
 * `import_spec` would: supervisor's own callables are known; anything else can only be checked
 * on the host, by asking the Python that runs supervisord to import it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pyRepr } from '../codecs/python.js';

export interface EntryPointSpec {
  module: string;
  attrs: string[];
}

// pkg_resources.EntryPoint.pattern with Python's Unicode \w and \s, `.` not matching \n,
// and `$` also matching before a final newline.
const W = '[\\p{L}\\p{N}_]';
const PATTERN = new RegExp(
  `^\\s*(?<name>[^\\n]+?)\\s*=\\s*(?<module>(?:${W}|\\.)+)\\s*(?::\\s*(?<attr>(?:${W}|\\.)+))?\\s*(?<extras>\\[[^\\n]*\\])?\\s*\\n?$`,
  'u',
);

/** The message supervisord prints for a malformed spec: the ValueError's args tuple. */
export function malformedSpecMessage(spec: string): string {
  return `("EntryPoint must be in 'name=module:attrs [extras]' format", ${pyRepr('x=' + spec)})`;
}

export function parseEntryPoint(spec: string): EntryPointSpec | null {
  const m = PATTERN.exec('x=' + spec);
  if (!m?.groups) return null;
  const attr = m.groups.attr;
  return { module: m.groups.module!, attrs: attr ? attr.split('.') : [] };
}

/** Callables supervisor 4.2.5 ships that configs name; always resolvable. */
export const KNOWN_ENTRY_POINTS: readonly string[] = [
  'supervisor.rpcinterface:make_main_rpcinterface',
  'supervisor.rpcinterface:SupervisorNamespaceRPCInterface',
  'supervisor.dispatchers:default_handler',
  'supervisor.xmlrpc:SystemNamespaceRPCInterface',
];

/** Modules of supervisor 4.2.5 itself (anything else under `supervisor.` cannot be imported). */
export const SUPERVISOR_MODULES: readonly string[] = [
  'supervisor', 'supervisor.childutils', 'supervisor.compat', 'supervisor.confecho', 'supervisor.datatypes',
  'supervisor.dispatchers', 'supervisor.events', 'supervisor.http', 'supervisor.http_client',
  'supervisor.loggers', 'supervisor.options', 'supervisor.pidproxy', 'supervisor.poller',
  'supervisor.process', 'supervisor.rpcinterface', 'supervisor.socket_manager', 'supervisor.states',
  'supervisor.supervisorctl', 'supervisor.supervisord', 'supervisor.templating', 'supervisor.web',
  'supervisor.xmlrpc', 'supervisor.medusa', 'supervisor.tests', 'supervisor.scripts',
];

/** Sub-packages whose own modules are not listed (anything below them may exist). */
const SUPERVISOR_PACKAGES: readonly string[] = ['supervisor.medusa', 'supervisor.tests', 'supervisor.scripts'];

const key = (ep: EntryPointSpec): string => (ep.attrs.length ? `${ep.module}:${ep.attrs.join('.')}` : ep.module);

/**
 * Whether supervisord can import the spec. Offline (`host` false): known callables yes,
 * modules under `supervisor.` that supervisor does not ship no, anything else assumed yes.
 * On the host: the same Python as supervisord tries `__import__` and the attribute chain.
 */
export class EntryPointResolver {
  private readonly cache = new Map<string, boolean>();
  constructor(
    private readonly host: boolean,
    private readonly env: Record<string, string | undefined>,
    private readonly python: string = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3',
  ) {}

  resolvable(ep: EntryPointSpec): boolean {
    const k = key(ep);
    if (KNOWN_ENTRY_POINTS.includes(k)) return true;
    const top = ep.module.split('.')[0];
    if (top === 'supervisor') {
      const known = SUPERVISOR_MODULES.some((m) => ep.module === m || (SUPERVISOR_PACKAGES.includes(m) && ep.module.startsWith(m + '.')));
      if (!known) return false;
    }
    if (!this.host) return true;
    const cached = this.cache.get(k);
    if (cached !== undefined) return cached;
    const result = this.ask(ep);
    this.cache.set(k, result);
    return result;
  }

  private ask(ep: EntryPointSpec): boolean {
    // supervisord's sys.path[0] is the folder of its script (/usr/bin), not the cwd.
    const script = [
      'import sys, functools',
      "sys.path[0] = '/usr/bin'",
      'try:',
      "    m = __import__(sys.argv[1], fromlist=['__name__'], level=0)",
      '    functools.reduce(getattr, sys.argv[2:], m)',
      'except (ImportError, AttributeError):',
      '    sys.exit(1)',
      'except BaseException:',
      '    sys.exit(2)',
    ].join('\n');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.env)) if (v !== undefined) env[k] = v;
    const r = spawnSync(this.python, ['-c', script, ep.module, ...ep.attrs], {
      env,
      cwd: '/',
      encoding: 'utf8',
      timeout: 20000,
    });
    if (r.error || r.status === null) return true; // cannot ask: never refuse what might work
    return r.status === 0;
  }
}
