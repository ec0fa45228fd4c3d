/**
 * The keys of a process section that supervisord reads once for the whole section (before
 * numprocs multiplies it), in supervisord's order, so errors come out in its order too.
 */
import type { IniConfigSection } from '../ini/index.js';
import { autorestartCodec, type Autorestart } from '../codecs/autorestart.js';
import { booleanCodec } from '../codecs/boolean.js';
import { byteSizeCodec } from '../codecs/bytesize.js';
import { exitCodesCodec } from '../codecs/exitcodes.js';
import { integerCodec } from '../codecs/integer.js';
import { nameCodec } from '../codecs/name.js';
import { octalCodec } from '../codecs/octal.js';
import { pyStrip } from '../codecs/python.js';
import { signalCodec } from '../codecs/signal.js';
import type { Codec } from '../codecs/types.js';
import type { Read, Resolver } from './context.js';
import type { LayeredNames } from './names.js';
import { nameToUid } from './host.js';
import { defaultParsed, programDefault, type Parsed } from './process-reads.js';
import { RULE_IDS } from './rule-ids.js';

export type SectionOptions = ReturnType<typeof readSectionOptions>;


export function readSectionOptions(
  r: Resolver,
  section: IniConfigSection,
  programNames: LayeredNames,
  suffix: string,
  /** Keys the caller already read and reported at group level (same value, same refusal). */
  checkedAtGroupLevel: readonly string[],
) {
  // one options object for every read of the section (read() only looks at it during the call)
  const readOpts = { default: null as string | null, suffix, quiet: false };
  const read = (key: string, dflt: string | null = programDefault(key)): Read => {
    readOpts.default = dflt;
    readOpts.quiet = checkedAtGroupLevel.includes(key);
    return r.read(section, key, programNames, readOpts);
  };
  const opts = { suffix };
  const present = section.keySet();
  /** The key parsed, or (most keys of most sections) its default's value, worked out once. */
  const get = <T>(codec: Codec<T>, key: string, fallback: T, dflt: string = programDefault(key)): Parsed<T> =>
    present.has(key) ? r.parseOr(codec, read(key, dflt), fallback, opts) : defaultParsed(codec, key, dflt, fallback);

  // 999 here even for listeners: their -1 default is the pool's (group) priority only
  const priority = get(integerCodec, 'priority', 999, '999');
  const autostart = get(booleanCodec, 'autostart', true);
  const autorestart = get<Autorestart>(autorestartCodec, 'autorestart', 'unexpected');
  const startsecs = get(integerCodec, 'startsecs', 1);
  const startretries = get(integerCodec, 'startretries', 3);
  const stopsignal = get(signalCodec, 'stopsignal', { name: 'TERM', number: 15 });
  const stopwaitsecs = get(integerCodec, 'stopwaitsecs', 10);
  const stopasgroup = get(booleanCodec, 'stopasgroup', false);
  const killRead = read('killasgroup', null);
  let killasgroup: { value: boolean; known: boolean };
  if (killRead.entry) killasgroup = r.parseOr(booleanCodec, killRead, stopasgroup.value, opts);
  else killasgroup = { value: stopasgroup.value, known: stopasgroup.known };
  const exitcodes = get(exitCodesCodec, 'exitcodes', [0]);
  const redirectStderr = get(booleanCodec, 'redirect_stderr', false);
  const numprocs = get(integerCodec, 'numprocs', 1);
  const numprocsStart = get(integerCodec, 'numprocs_start', 0);
  const environmentRaw = r.read(section, 'environment', {}, { default: '', expand: false });
  const stdoutCapture = get(byteSizeCodec, 'stdout_capture_maxbytes', 0);
  const stdoutEvents = get(booleanCodec, 'stdout_events_enabled', false);
  const stderrCapture = get(byteSizeCodec, 'stderr_capture_maxbytes', 0);
  const stderrEvents = get(booleanCodec, 'stderr_events_enabled', false);
  const serverurlRead = read('serverurl', null);
  let serverurl: string | null = serverurlRead.failed ? null : serverurlRead.value;
  if (serverurl && pyStrip(serverurl).toUpperCase() === 'AUTO') serverurl = null;

  const userRead = read('user', null);
  const user = userRead.failed ? null : userRead.value;
  let uid: number | null = null;
  if (user !== null && r.host && !userRead.tainted) {
    const u = nameToUid(r.host, user);
    if (u.ok) uid = u.value;
    else if (!userRead.quiet) r.error(RULE_IDS.hostUser, u.message + suffix, userRead.pos);
  }
  const umaskRead = read('umask', null);
  const umask = umaskRead.entry ? (r.parse(octalCodec, umaskRead, opts) ?? null) : null;

  const processNameRead = r.read(section, 'process_name', {}, { default: programDefault('process_name'), expand: false });
  const processName = r.parseText(nameCodec, processNameRead.value!);
  if (!processName.ok) r.error(RULE_IDS.invalidValue, processName.message + suffix, processNameRead.pos);

  return {
    priority, autostart, autorestart, startsecs, startretries, stopsignal, stopwaitsecs, stopasgroup, killRead, killasgroup,
    exitcodes, redirectStderr, numprocs, numprocsStart, environmentRaw, stdoutCapture, stdoutEvents, stderrCapture, stderrEvents,
    serverurl, user, uid, umask, processNameRead, processName,
  };
}
