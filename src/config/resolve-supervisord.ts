/**
 * `[supervisord]`, key by key in ServerOptions.read_config's order, then the `user=` check that
 * realize() makes at the very end (see `checkSupervisordUser`).
 */
import type { IniConfigSection } from '../ini/index.js';
import { optionSpec } from '../catalogue/index.js';
import { booleanCodec } from '../codecs/boolean.js';
import { byteSizeCodec } from '../codecs/bytesize.js';
import { environmentCodec } from '../codecs/environment.js';
import { integerCodec } from '../codecs/integer.js';
import { logLevelCodec } from '../codecs/loglevel.js';
import { octalCodec } from '../codecs/octal.js';
import type { Names, Read, Resolver } from './context.js';
import { existingDirectory, existingDirpath, nameToUid, normalizePath, tempDirFor } from './host.js';
import { RULE_IDS } from './rule-ids.js';
import type { ResolvedSupervisord } from './types.js';

const def = (key: string): string => optionSpec('supervisord', key)?.default ?? '';

export interface SupervisordOutcome {
  model: ResolvedSupervisord;
  /** The `user=` read, checked by realize() after everything else. */
  user: Read | null;
}

export function resolveSupervisordSection(r: Resolver, section: IniConfigSection | undefined): SupervisordOutcome {
  const names: Names = { ...r.envNames, here: r.here };
  const read = (key: string, dflt: string | null = def(key)): Read => r.read(section, key, names, { default: dflt });
  const host = r.host;
  const cwd = r.ctx.cwd;

  const minfds = r.parseOr(integerCodec, read('minfds'), 1024).value;
  const minprocs = r.parseOr(integerCodec, read('minprocs'), 200).value;

  const directoryRead = read('directory', null);
  let directory: string | null = directoryRead.failed ? null : directoryRead.value;
  if (directory !== null && host && !directoryRead.tainted) {
    const ok = existingDirectory(directory, cwd, r.env, host);
    if (!ok.ok) r.error(RULE_IDS.hostPath, ok.message, directoryRead.pos);
    else directory = ok.value;
  }

  const userRead = read('user', null);
  const umask = r.parseOr(octalCodec, read('umask'), 0o22).value;

  const dirpath = (key: string): string => {
    const rd = read(key);
    if (rd.failed || rd.value === null) return normalizePath(def(key), cwd, r.env, host);
    if (host && !rd.tainted) {
      const ok = existingDirpath(rd.value, cwd, r.env, host);
      if (!ok.ok) r.error(RULE_IDS.hostPath, ok.message, rd.pos);
    }
    if (key === 'logfile' && rd.value === 'syslog') return 'syslog';
    return normalizePath(rd.value, cwd, r.env, host);
  };

  const logfile = dirpath('logfile');
  const logfileMaxbytes = r.parseOr(byteSizeCodec, read('logfile_maxbytes'), 50 * 1024 * 1024).value;
  const logfileBackups = r.parseOr(integerCodec, read('logfile_backups'), 10).value;
  const loglevel = r.parseOr(logLevelCodec, read('loglevel'), 'info').value;
  const pidfile = dirpath('pidfile');
  const identifierRead = read('identifier');
  const identifier = identifierRead.failed || identifierRead.value === null ? 'supervisor' : identifierRead.value;
  const nodaemon = r.parseOr(booleanCodec, read('nodaemon'), false).value;
  const silent = r.parseOr(booleanCodec, read('silent'), false).value;

  const tmp = tempDirFor(r.env, cwd, host);
  const childRead = read('childlogdir', null);
  let childlogdir = tmp;
  if (childRead.entry && !childRead.failed && childRead.value !== null) {
    childlogdir = childRead.value;
    if (host && !childRead.tainted) {
      const ok = existingDirectory(childRead.value, cwd, r.env, host);
      if (!ok.ok) r.error(RULE_IDS.hostPath, ok.message, childRead.pos);
      else childlogdir = ok.value;
    }
  }
  const nocleanup = r.parseOr(booleanCodec, read('nocleanup'), false).value;
  const stripAnsi = r.parseOr(booleanCodec, read('strip_ansi'), false).value;

  const environment = resolveSupervisordEnvironment(r, section);

  return {
    model: {
      logfile,
      logfileMaxbytes,
      logfileBackups,
      loglevel,
      pidfile,
      umask,
      nodaemon,
      silent,
      minfds,
      minprocs,
      nocleanup,
      childlogdir,
      user: userRead.failed ? null : userRead.value,
      directory,
      stripAnsi,
      environment,
      identifier,
      uid: null,
      serverurl: null,
    },
    user: userRead.entry ? userRead : null,
  };
}

/**
 * `environment=`: expanded once by the getter (here, ENV_*), once more with host_node_name too,
 * then parsed; its pairs become ENV_ names for everything read afterwards.
 */
function resolveSupervisordEnvironment(r: Resolver, section: IniConfigSection | undefined): Record<string, string> {
  const firstNames: Names = { ...r.envNames, here: r.here };
  const secondNames: Names = { here: r.here, host_node_name: r.hostNode, ...r.envNames };
  const rd = r.read(section, 'environment', firstNames, { default: '' });
  const out: Record<string, string> = {};
  if (rd.failed || rd.value === null) {
    r.lenientEnv = true;
    return out;
  }
  const second = r.expandText(rd.value, secondNames, 'environment', rd.pos);
  if (!second.ok) {
    r.lenientEnv = true;
    return out;
  }
  const parsed = environmentCodec.parse(second.value);
  if (!parsed.ok) {
    if (!rd.tainted && !second.tainted) r.error(RULE_IDS.invalidValue, parsed.message, rd.pos);
    r.lenientEnv = true;
    return out;
  }
  for (const [k, v] of parsed.value) {
    out[k] = v;
    r.envNames[`ENV_${k}`] = v;
  }
  return out;
}

/** realize(): `[supervisord] user=` must name an existing user (host only). */
export function checkSupervisordUser(r: Resolver, user: Read | null): number | null {
  if (!user || user.failed || user.tainted || user.value === null || !r.host) return null;
  const uid = nameToUid(r.host, user.value);
  if (!uid.ok) {
    r.error(RULE_IDS.hostUser, uid.message, user.pos);
    return null;
  }
  return uid.value;
}
