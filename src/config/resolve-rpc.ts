/**
 * `[rpcinterface:x]` sections (Options.get_plugins): the factory must be given and importable;
 * every other key (and every `[DEFAULT]` key) is read, so expanded, to become a keyword argument.
 */
import type { Names, Resolver } from './context.js';
import { malformedSpecMessage, parseEntryPoint } from './entrypoint.js';
import { RULE_IDS } from './rule-ids.js';
import type { ResolvedConfig } from './types.js';

const FACTORY_KEY = 'supervisor.rpcinterface_factory';

export function resolveRpcInterfaces(r: Resolver): ResolvedConfig['rpcinterfaces'] {
  const out: ResolvedConfig['rpcinterfaces'] = [];
  for (const section of r.sectionsStarting('rpcinterface:')) {
    const names: Names = { ...r.envNames };
    const name = section.name.slice(section.name.indexOf(':') + 1);
    const rd = r.read(section, FACTORY_KEY, names);
    let factory: string | null = null;
    if (!rd.entry) {
      r.error(RULE_IDS.requiredOption, `section [${section.name}] does not specify a ${FACTORY_KEY}`, r.sectionPos(section));
    } else if (!rd.failed && rd.value !== null) {
      factory = rd.value;
      if (!rd.tainted) checkEntryPoint(r, rd.value, `[${section.name}]`, rd.pos, RULE_IDS.rpcinterface);
    }
    const extraKeys = section.keys().filter((k) => k !== FACTORY_KEY);
    for (const k of extraKeys) r.read(section, k, names);
    out.push({ name, factory, extraKeys, at: r.sectionPos(section) });
  }
  return out;
}

/** import_spec: a malformed spec is pkg_resources' ValueError; an import failure is wrapped. */
export function checkEntryPoint(
  r: Resolver,
  spec: string,
  where: string,
  pos: Parameters<Resolver['error']>[2],
  rule: Parameters<Resolver['error']>[0],
): boolean {
  const ep = parseEntryPoint(spec);
  if (!ep) {
    r.error(rule, malformedSpecMessage(spec), pos);
    return false;
  }
  if (!r.entryPoints.resolvable(ep)) {
    r.error(rule, `${spec} cannot be resolved within ${where}`, pos);
    return false;
  }
  return true;
}
