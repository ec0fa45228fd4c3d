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
import type { Read, Resolver } from './context.js';
import type { LayeredNames } from './names.js';
import { nameToUid } from './host.js';
import { programDefault } from './process-reads.js';
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
  const read = (key: string, dflt: string | null = programDefault(key)): Read =>
    r.read(section, key, programNames, { default: dflt, suffix, quiet: checkedAtGroupLevel.includes(key) });
  const opts = { suffix };

  // 999 here even for listeners: their -1 default is the pool's (group) priority only
  const priority = r.parseOr(integerCodec, read('priority', '999'), 999, opts);
  const autostart = r.parseOr(booleanCodec, read('autostart'), true, opts);
  const autorestart = r.parseOr<Autorestart>(autorestartCodec, read('autorestart'), 'unexpected', opts);
  const startsecs = r.parseOr(integerCodec, read('startsecs'), 1, opts);
  const startretries = r.parseOr(integerCodec, read('startretries'), 3, opts);
  const stopsignal = r.parseOr(signalCodec, read('stopsignal'), { name: 'TERM', number: 15 }, opts);
  const stopwaitsecs = r.parseOr(integerCodec, read('stopwaitsecs'), 10, opts);
  const stopasgroup = r.parseOr(booleanCodec, read('stopasgroup'), false, opts);
  const killRead = read('killasgroup', null);
  let killasgroup: { value: boolean; known: boolean };
  if (killRead.entry) killasgroup = r.parseOr(booleanCodec, killRead, stopasgroup.value, opts);
  else killasgroup = { value: stopasgroup.value, known: stopasgroup.known };
  const exitcodes = r.parseOr(exitCodesCodec, read('exitcodes'), [0], opts);
  const redirectStderr = r.parseOr(booleanCodec, read('redirect_stderr'), false, opts);
  const numprocs = r.parseOr(integerCodec, read('numprocs'), 1, opts);
  const numprocsStart = r.parseOr(integerCodec, read('numprocs_start'), 0, opts);
  const environmentRaw = r.read(section, 'environment', {}, { default: '', expand: false });
  const stdoutCapture = r.parseOr(byteSizeCodec, read('stdout_capture_maxbytes'), 0, opts);
  const stdoutEvents = r.parseOr(booleanCodec, read('stdout_events_enabled'), false, opts);
  const stderrCapture = r.parseOr(byteSizeCodec, read('stderr_capture_maxbytes'), 0, opts);
  const stderrEvents = r.parseOr(booleanCodec, read('stderr_events_enabled'), false, opts);
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
  const processName = nameCodec.parse(processNameRead.value!);
  if (!processName.ok) r.error(RULE_IDS.invalidValue, processName.message + suffix, processNameRead.pos);

  return {
    priority, autostart, autorestart, startsecs, startretries, stopsignal, stopwaitsecs, stopasgroup, killRead, killasgroup,
    exitcodes, redirectStderr, numprocs, numprocsStart, environmentRaw, stdoutCapture, stdoutEvents, stderrCapture, stderrEvents,
    serverurl, user, uid, umask, processNameRead, processName,
  };
}
