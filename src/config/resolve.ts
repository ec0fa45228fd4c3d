/**
 * resolveConfig: ServerOptions.read_config + realize() over a merged INI, in supervisord's order
 * (reference §5.1), carrying on after each refusal so that every independent one is reported.
 * `diagnostics[0]` is the refusal supervisord itself would print (same order of checks).
 */
import { dirname, resolve as resolvePath } from 'node:path';
import type { IniConfig } from '../ini/index.js';
import { Resolver } from './context.js';
import { fragmentSupervisordSection } from './fragment.js';
import { orderGroups } from './order.js';
import { resolveCtl } from './resolve-ctl.js';
import { resolveFcgiPrograms } from './resolve-fcgi.js';
import { resolveHeterogeneousGroups, resolvePrograms } from './resolve-groups.js';
import { resolveEventListeners } from './resolve-listeners.js';
import { resolveRpcInterfaces } from './resolve-rpc.js';
import { fallbackServerUrl, resolveServers } from './resolve-servers.js';
import { checkSupervisordUser, resolveSupervisordSection } from './resolve-supervisord.js';
import { RULE_IDS } from './rule-ids.js';
import type { ResolveContext, ResolveMeta, ResolveResult } from './types.js';

export function resolveConfig(ini: IniConfig, ctx: ResolveContext, meta: ResolveMeta = {}): ResolveResult {
  const mainFile = meta.mainFile ?? ini.documents[0]?.file ?? '';
  const mainAbs = resolvePath(ctx.cwd, mainFile);
  const r = new Resolver(ini, ctx, mainFile, dirname(mainAbs));
  r.warnings.push(...(meta.parseWarnings ?? []));
  r.infos.push(...(meta.parseInfos ?? []));

  const section = ini.section('supervisord');
  if (!section && !ctx.allowFragment) {
    r.error(RULE_IDS.missingSection, '.ini file does not include supervisord section', r.sectionPos(null));
  }
  const sv = resolveSupervisordSection(r, section ?? (ctx.allowFragment ? fragmentSupervisordSection(ini, r.here) : undefined));
  const rpcinterfaces = resolveRpcInterfaces(r);
  const hetero = resolveHeterogeneousGroups(r);
  const groups = [
    ...hetero.groups,
    ...resolvePrograms(r, hetero.members),
    ...resolveEventListeners(r),
    ...resolveFcgiPrograms(r, hetero.members),
  ];
  const servers = resolveServers(r);
  sv.model.uid = checkSupervisordUser(r, sv.user);
  sv.model.serverurl = fallbackServerUrl(servers);

  return {
    config: {
      mainFile: mainAbs,
      files: meta.files ?? ini.documents.map((d) => d.file),
      mode: section ? 'full' : 'fragment',
      supervisord: sv.model,
      groups: orderGroups(groups),
      servers,
      rpcinterfaces,
      ctl: resolveCtl(r),
      parseWarnings: r.warnings,
      parseInfos: r.infos,
    },
    diagnostics: r.diagnostics,
  };
}
