/**
 * A process's stdout/stderr logging as supervisord works it out: the log file (expanded a second
 * time by logfile_name, then AUTO / None / syslog / a path), backups, maxbytes, syslog, and the
 * warnings supervisord prints about them.
 */
import type { IniConfigSection } from '../ini/index.js';
import { booleanCodec } from '../codecs/boolean.js';
import { byteSizeCodec } from '../codecs/bytesize.js';
import { integerCodec } from '../codecs/integer.js';
import type { Read, Resolver } from './context.js';
import type { LayeredNames } from './names.js';
import { existingDirpath, expandUser } from './host.js';
import { sameForEveryProcess, type ProcessReads } from './process-reads.js';
import { RULE_IDS } from './rule-ids.js';
import type { LogSpec } from './types.js';

export type RawLogFile = string | null | 'AUTO';

/** A channel's spec plus the file as written (redirect_stderr warns about a named stderr file). */
export type LogChannel = LogSpec & { rawFile: RawLogFile };

interface LogFile {
  rawFile: RawLogFile;
  syslogWord: boolean;
  known: boolean;
}

/** A section's log files that are the same for every process, by key (`stdout_logfile`). */
export type SharedLogFiles = Map<string, LogFile>;

const keysOf = (ch: 'stdout' | 'stderr') => ({
  logfile: `${ch}_logfile`,
  backups: `${ch}_logfile_backups`,
  maxbytes: `${ch}_logfile_maxbytes`,
  syslog: `${ch}_syslog`,
});
const KEYS = { stdout: keysOf('stdout'), stderr: keysOf('stderr') };
/** What logFile() makes of a log file key that is not written (its default is AUTO). */
const UNWRITTEN: LogFile = Object.freeze({ rawFile: 'AUTO', syslogWord: false, known: true });

/** One of stdout/stderr: the log file (expanded twice), backups, maxbytes, syslog. */
export function logChannel(
  r: Resolver,
  section: IniConfigSection,
  ch: 'stdout' | 'stderr',
  names: LayeredNames,
  p: ProcessReads,
  files: SharedLogFiles,
): LogChannel {
  const k = KEYS[ch];
  const lfKey = k.logfile;
  // no log file written (most sections, for one of the two channels): AUTO, nothing to read
  const written = section.keySet().has(lfKey);
  const lfRead = written ? p.read(lfKey, null) : null;
  let file = written ? files.get(lfKey) : UNWRITTEN;
  if (!file) {
    file = logFile(r, lfKey, lfRead!, names, p.suffix, p.lenient);
    // the first expansion's result is expanded again, so it too must be the same for every process
    const shared = p.shared(lfKey, lfRead!) && (!lfRead!.entry || lfRead!.failed || sameForEveryProcess(lfRead!.value!, p.envVaries));
    if (shared) files.set(lfKey, file);
  }
  const { rawFile, syslogWord, known } = file;
  const backups = p.parse(k.backups, integerCodec, 10).value;
  const maxbytes = p.parse(k.maxbytes, byteSizeCodec, 50 * 1024 * 1024);
  let syslog = p.parse(k.syslog, booleanCodec, false).value;
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
  let rawFile: RawLogFile = 'AUTO';
  let syslogWord = false;
  let tainted = lfRead.tainted;
  let known = !lfRead.failed;
  if (lfRead.entry && !lfRead.failed) {
    const second = r.expandText(lfRead.value!, names, lfKey, () => lfRead.pos, suffix, lenient);
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
