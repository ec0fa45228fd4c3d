/**
 * ServerOptions.processes_from_section: one `[program:x]` / `[eventlistener:x]` /
 * `[fcgi-program:x]` section into its process configs, with every error wrapped in
 * ` in section 'SECTION' (file: 'FILE')`. The keys are read in supervisord's order; after a
 * refusal the section carries on with what does not depend on the refused value.
 */
import type { IniConfigSection } from '../ini/index.js';
import { optionSpec } from '../catalogue/index.js';
import { autorestartCodec, type Autorestart } from '../codecs/autorestart.js';
import { booleanCodec } from '../codecs/boolean.js';
import { byteSizeCodec } from '../codecs/bytesize.js';
import { environmentCodec } from '../codecs/environment.js';
import { exitCodesCodec } from '../codecs/exitcodes.js';
import { integerCodec } from '../codecs/integer.js';
import { nameCodec } from '../codecs/name.js';
import { octalCodec } from '../codecs/octal.js';
import { pyCompare, pyStrip } from '../codecs/python.js';
import { signalCodec } from '../codecs/signal.js';
import { specifiers } from '../codecs/expansion.js';
import type { Codec } from '../codecs/types.js';
import type { Expanded, Names, Read, Resolver } from './context.js';
import { LayeredNames } from './names.js';
import { existingDirpath, expandUser, nameToUid } from './host.js';
import { RULE_IDS } from './rule-ids.js';
import type { LogSpec, ResolvedProcess } from './types.js';

export type ProcessClass = ResolvedProcess['kind'];

/**
 * Bounds the work on an absurd numprocs (supervisord itself would try them all): beyond this many
 * processes per section nothing is expanded, checked or modelled.
 */
export const MAX_PROCESSES_PER_SECTION = 100_000;

const defaults = new Map<string, string>();
/** The catalogue default of a key (looked up once: every process reads a dozen keys). */
const def = (key: string): string => {
  let d = defaults.get(key);
  if (d === undefined) defaults.set(key, (d = optionSpec('program', key)?.default ?? ''));
  return d;
};

/**
 * Whether `text` expands the same for every process of a section: the names that differ between
 * processes are process_num, a bare specifier's whole dict and, when `envVaries` (environment=
 * itself names process_num), the ENV_ names. A failure's message lists only the names' keys,
 * which are the same for every process.
 */
function sameForEveryProcess(text: string, envVaries: boolean): boolean {
  if (!text.includes('%')) return true;
  for (const sp of specifiers(text)) {
    if (sp.name === null || sp.name === 'process_num') return false;
    if (envVaries && sp.name.startsWith('ENV_')) return false;
  }
  return true;
}

/**
 * What the first process of a section read and worked out that every later process would read
 * and work out alike (see sameForEveryProcess): re-used instead of redone, as a big config has
 * thousands of processes. Errors are unaffected: Resolver.error drops repeats anyway.
 */
interface SectionMemo {
  envVaries: boolean;
  /** Per key: the shared read, or null when the key's value differs per process. */
  reads: Map<string, Read | null>;
  /** A codec's result on a shared read. */
  parsed: Map<Read, { value: unknown; known: boolean }>;
  /** A log channel's file, when it is the same for every process. */
  files: Map<string, LogFile>;
}

interface LogFile {
  rawFile: string | null | 'AUTO';
  syslogWord: boolean;
  known: boolean;
}

/** Python's `sort()` of process configs: by priority, then name (stable). */
export function sortProcesses<T extends { priority: number; name: string }>(list: T[]): T[] {
  return list.sort((a, b) => (a.priority !== b.priority ? a.priority - b.priority : pyCompare(a.name, b.name)));
}

export function processesFromSection(
  r: Resolver,
  section: IniConfigSection,
  groupName: string,
  kind: ProcessClass,
  /** Keys the caller already read and reported at group level (same value, same refusal). */
  checkedAtGroupLevel: readonly string[] = [],
): ResolvedProcess[] {
  const suffix = r.sectionSuffix(section);
  const at = r.sectionPos(section);
  const nameCheck = nameCodec.parse(section.name.slice(section.name.indexOf(':') + 1));
  if (!nameCheck.ok) {
    r.error(RULE_IDS.invalidValue, nameCheck.message + suffix, at);
    return [];
  }
  const programName = nameCheck.value;
  const common: Names = { here: r.here, program_name: programName, host_node_name: r.hostNode, group_name: groupName };
  const programNames = new LayeredNames([common, r.envNames], () => ({ ...r.envNames, ...common }));
  const read = (key: string, dflt: string | null = def(key)): Read =>
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

  const processNameRead = r.read(section, 'process_name', {}, { default: def('process_name'), expand: false });
  const processName = nameCodec.parse(processNameRead.value!);
  if (!processName.ok) r.error(RULE_IDS.invalidValue, processName.message + suffix, processNameRead.pos);

  if (numprocs.known && numprocs.value > 1 && processName.ok && !processName.value.includes('%(process_num)')) {
    const pos = processNameRead.entry ? processNameRead.pos : r.posOf(section, 'numprocs');
    r.error(RULE_IDS.numprocsProcessName, `%(process_num) must be present within process_name when numprocs > 1${suffix}`, pos);
  }
  if (stopasgroup.known && killasgroup.known && stopasgroup.value && !killasgroup.value) {
    r.error(RULE_IDS.stopasgroupKillasgroup, `Cannot set stopasgroup=true and killasgroup=false${suffix}`, killRead.entry ? killRead.pos : at);
  }

  if (!numprocs.known || !numprocsStart.known) return [];

  const processes: ResolvedProcess[] = [];
  // supervisord mutates one dict across iterations; names an environment= adds stay for the next
  // process, which can only matter after the first process already failed, so a fresh dict is kept.
  // Key order matters only for a bare `%s` (it prints the whole dict): the dict supervisord passes
  // to expand() starts with its own names; the getter's starts with the ENV_ names.
  const end = numprocsStart.value + Math.min(numprocs.value, MAX_PROCESSES_PER_SECTION);
  const envText = environmentRaw.value!;
  const envSame = sameForEveryProcess(envText, false);
  const memo: SectionMemo = { envVaries: !envSame, reads: new Map(), parsed: new Map(), files: new Map() };
  let envShared: { expanded: Expanded; parsed: ReturnType<typeof environmentCodec.parse> | null } | undefined;
  for (let num = numprocsStart.value; num < end; num++) {
    const processCommon: Names = {
      here: r.here,
      program_name: programName,
      host_node_name: r.hostNode,
      group_name: groupName,
      process_num: num,
      numprocs: numprocs.value,
    };
    const programEnv: Names = {};
    // names and getterNames are built only when a message or a bare `%s` needs them whole
    const names = new LayeredNames([programEnv, processCommon, r.envNames], () => {
      const dict: Names = { ...processCommon, ...r.envNames };
      for (const [k, v] of Object.entries(programEnv)) dict[k] = v;
      return dict;
    });
    const environment: Record<string, string> = {};
    let lenient = r.lenientEnv;
    const beforeEnv = new LayeredNames([processCommon, r.envNames], () => ({ ...processCommon, ...r.envNames }));
    let envDone = envShared;
    if (!envDone) {
      const expanded = r.expandText(envText, beforeEnv, 'environment', environmentRaw.pos, suffix);
      envDone = { expanded, parsed: expanded.ok ? environmentCodec.parse(expanded.value) : null };
      if (envSame) envShared = envDone;
    }
    const envExpanded = envDone.expanded;
    if (!envExpanded.ok) lenient = true;
    else {
      const parsed = envDone.parsed!;
      if (parsed.ok) {
        for (const [k, v] of parsed.value) {
          environment[k] = v;
          programEnv[`ENV_${k}`] = v;
        }
      } else {
        lenient = true;
        if (!envExpanded.tainted) r.error(RULE_IDS.invalidValue, parsed.message + suffix, environmentRaw.pos);
      }
    }
    const getterNames = new LayeredNames([programEnv, processCommon, r.envNames], () => ({ ...r.envNames, ...processCommon, ...programEnv }));
    const readP = (key: string, dflt: string | null = def(key)): Read => {
      const known = memo.reads.get(key);
      if (known) return known;
      const got = r.read(section, key, getterNames, { default: dflt, suffix, lenient });
      if (known === undefined) memo.reads.set(key, !got.entry || sameForEveryProcess(got.entry.value, memo.envVaries) ? got : null);
      return got;
    };

    const directoryRead = readP('directory', null);
    const directory = directoryRead.failed ? null : directoryRead.value;

    const logs: Record<'stdout' | 'stderr', LogSpec & { rawFile: string | null | 'AUTO' }> = {
      stdout: logChannel(r, section, 'stdout', names, readP, suffix, lenient, memo),
      stderr: logChannel(r, section, 'stderr', names, readP, suffix, lenient, memo),
    };
    logs.stdout.captureMaxbytes = stdoutCapture.value;
    logs.stdout.eventsEnabled = stdoutEvents.value;
    logs.stderr.captureMaxbytes = stderrCapture.value;
    logs.stderr.eventsEnabled = stderrEvents.value;
    if (redirectStderr.value) {
      if (logs.stderr.rawFile !== 'AUTO' && logs.stderr.rawFile !== null) {
        r.warnings.push(
          `For [${section.name}], redirect_stderr=true but stderr_logfile has also been set to a filename, the filename has been ignored`,
        );
      }
      logs.stderr.file = null;
    }

    const commandRead = readP('command', null);
    if (!commandRead.entry) {
      r.error(RULE_IDS.requiredOption, `program section ${section.name} does not specify a command${suffix}`, at);
    }
    const command = commandRead.entry && !commandRead.failed ? commandRead.value : null;

    let name = programName;
    if (processName.ok) {
      const e = r.expandText(processName.value, names, 'process_name', processNameRead.pos, suffix, lenient);
      if (e.ok) name = e.value;
    }
    const strip = ({ rawFile: _raw, ...spec }: LogSpec & { rawFile: unknown }): LogSpec => spec;
    processes.push({
      name,
      group: groupName,
      programName,
      sectionName: section.name,
      kind,
      processNum: num,
      numprocs: numprocs.value,
      command,
      directory,
      umask,
      priority: priority.value,
      autostart: autostart.value,
      autorestart: autorestart.value,
      startsecs: startsecs.value,
      startretries: startretries.value,
      user,
      uid,
      stdout: strip(logs.stdout),
      stderr: strip(logs.stderr),
      stopsignal: stopsignal.value,
      stopwaitsecs: stopwaitsecs.value,
      stopasgroup: stopasgroup.value,
      killasgroup: killasgroup.value,
      exitcodes: exitcodes.value,
      redirectStderr: redirectStderr.value,
      environment,
      serverurl,
      at,
    });
  }
  return sortProcesses(processes);
}

/** One of stdout/stderr: the log file (expanded twice), backups, maxbytes, syslog. */
function logChannel(
  r: Resolver,
  section: IniConfigSection,
  ch: 'stdout' | 'stderr',
  names: LayeredNames,
  readP: (key: string, dflt?: string | null) => Read,
  suffix: string,
  lenient: boolean,
  memo: SectionMemo,
): LogSpec & { rawFile: string | null | 'AUTO' } {
  const lfKey = `${ch}_logfile`;
  const lfRead = readP(lfKey, null);
  let file = memo.files.get(lfKey);
  if (!file) {
    file = logFile(r, lfKey, lfRead, names, suffix, lenient);
    const shared = memo.reads.get(lfKey) === lfRead && (!lfRead.entry || lfRead.failed || sameForEveryProcess(lfRead.value!, memo.envVaries));
    if (shared) memo.files.set(lfKey, file);
  }
  const { rawFile, syslogWord, known } = file;
  const opts = { suffix };
  const parseP = <T>(key: string, codec: Codec<T>, fallback: T): { value: T; known: boolean } => {
    const read = readP(key);
    let got = memo.parsed.get(read) as { value: T; known: boolean } | undefined;
    if (!got) {
      got = r.parseOr(codec, read, fallback, opts);
      if (memo.reads.get(key) === read) memo.parsed.set(read, got);
    }
    return got;
  };
  const backups = parseP(`${ch}_logfile_backups`, integerCodec, 10).value;
  const maxbytes = parseP(`${ch}_logfile_maxbytes`, byteSizeCodec, 50 * 1024 * 1024);
  let syslog = parseP(`${ch}_syslog`, booleanCodec, false).value;
  if (syslogWord) {
    r.warnings.push(
      `For [${section.name}], ${lfKey}=syslog but this is deprecated and will be removed.  Use ${ch}_syslog=true to enable syslog instead.`,
    );
    syslog = true;
  }
  if (known && rawFile === 'AUTO' && maxbytes.known && maxbytes.value === 0) {
    r.warnings.push(
      `For [${section.name}], AUTO logging used for ${lfKey} without rollover, set maxbytes > 0 to avoid filling up filesystem unintentionally`,
    );
  }
  return {
    rawFile,
    file: rawFile === '' ? null : rawFile,
    maxbytes: maxbytes.value,
    backups,
    syslog,
    captureMaxbytes: 0,
    eventsEnabled: false,
  };
}

/** The log file as supervisord holds it after logfile_name: AUTO, None, a path ('' for empty). */
function logFile(r: Resolver, lfKey: string, lfRead: Read, names: LayeredNames, suffix: string, lenient: boolean): LogFile {
  let rawFile: string | null | 'AUTO' = 'AUTO';
  let syslogWord = false;
  let tainted = lfRead.tainted;
  let known = !lfRead.failed;
  if (lfRead.entry && !lfRead.failed) {
    const second = r.expandText(lfRead.value!, names, lfKey, lfRead.pos, suffix, lenient);
    tainted ||= second.tainted;
    known = second.ok;
    if (second.ok) {
      const v = second.value;
      const lower = v.toLowerCase();
      if (lower === 'none' || lower === 'off') rawFile = null;
      else if (lower === 'auto') rawFile = 'AUTO';
      else if (lower === 'syslog') {
        rawFile = null;
        syslogWord = true;
      } else {
        rawFile = expandUser(v, r.env, r.host);
        if (r.host && !tainted) {
          const ok = existingDirpath(v, r.ctx.cwd, r.env, r.host);
          if (ok.ok) rawFile = ok.value;
          else r.error(RULE_IDS.hostPath, ok.message + suffix, lfRead.pos);
        }
      }
    }
  }
  return { rawFile, syslogWord, known };
}
