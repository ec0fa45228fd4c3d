/**
 * ServerOptions.processes_from_section: one `[program:x]` / `[eventlistener:x]` /
 * `[fcgi-program:x]` section into its process configs, with every error wrapped in
 * ` in section 'SECTION' (file: 'FILE')`. The keys are read in supervisord's order; after a
 * refusal the section carries on with what does not depend on the refused value.
 * The section-wide keys are in process-section.ts, the per-process ones in process-reads.ts,
 * process-environment.ts and process-logs.ts.
 */
import type { IniConfigSection } from '../ini/index.js';
import { nameCodec } from '../codecs/name.js';
import { pyCompare } from '../codecs/python.js';
import type { Names, Resolver } from './context.js';
import { LayeredNames } from './names.js';
import { sectionEnvironment } from './process-environment.js';
import { logChannel, type LogChannel, type SharedLogFiles } from './process-logs.js';
import { SectionReads } from './process-reads.js';
import { processDeriver } from './process-derive.js';
import { checkCrossKeyRules } from './process-rules.js';
import { readSectionOptions } from './process-section.js';
import { RULE_IDS } from './rule-ids.js';
import type { LogSpec, ResolvedProcess } from './types.js';

export type ProcessClass = ResolvedProcess['kind'];

/**
 * Bounds the work on an absurd numprocs (supervisord itself would try them all): beyond this many
 * processes per section nothing is expanded, checked or modelled.
 */
export const MAX_PROCESSES_PER_SECTION = 100_000;

/** Python's `sort()` of process configs: by priority, then name (stable). */
export function sortProcesses<T extends { priority: number; name: string }>(list: T[]): T[] {
  const order = (a: T, b: T) => (a.priority !== b.priority ? a.priority - b.priority : pyCompare(a.name, b.name));
  // most sections come in order already (one process, or names that sort by number)
  for (let i = 1; i < list.length; i++) if (order(list[i - 1]!, list[i]!) > 0) return list.sort(order);
  return list;
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
  const nameCheck = r.parseText(nameCodec, section.name.slice(section.name.indexOf(':') + 1));
  if (!nameCheck.ok) {
    r.error(RULE_IDS.invalidValue, nameCheck.message + suffix, at);
    return [];
  }
  const programName = nameCheck.value;
  const common: Names = { here: r.here, program_name: programName, host_node_name: r.hostNode, group_name: groupName };
  const programNames = new LayeredNames([common, r.envNames], () => ({ ...r.envNames, ...common }));
  const o = readSectionOptions(r, section, programNames, suffix, checkedAtGroupLevel);
  checkCrossKeyRules(r, section, o, suffix);
  const { numprocs, numprocsStart, processName, processNameRead } = o;
  if (!numprocs.known || !numprocsStart.known) return [];

  const processes: ResolvedProcess[] = [];
  // supervisord mutates one dict across iterations; names an environment= adds stay for the next
  // process, which can only matter after the first process already failed, so a fresh dict is kept.
  // Key order matters only for a bare `%s` (it prints the whole dict): the dict supervisord passes
  // to expand() starts with its own names; the getter's starts with the ENV_ names.
  const end = numprocsStart.value + Math.min(numprocs.value, MAX_PROCESSES_PER_SECTION);
  const env = sectionEnvironment(r, o.environmentRaw, suffix);
  const reads = new SectionReads(r, section, suffix, env.varies);
  const logFiles: SharedLogFiles = new Map();
  const resolveOne = (num: number, keep: boolean): ResolvedProcess => {
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
    const { environment, lenient } = env.none
      ? { environment: {}, lenient: r.lenientEnv }
      : env.forProcess(new LayeredNames([processCommon, r.envNames], () => ({ ...processCommon, ...r.envNames })), programEnv);
    const getterNames = new LayeredNames([programEnv, processCommon, r.envNames], () => ({ ...r.envNames, ...processCommon, ...programEnv }));
    const p = reads.forProcess(getterNames, lenient, keep);

    const directoryRead = p.read('directory', null);
    const directory = directoryRead.failed ? null : directoryRead.value;

    const logs: Record<'stdout' | 'stderr', LogChannel> = {
      stdout: logChannel(r, section, 'stdout', names, p, logFiles),
      stderr: logChannel(r, section, 'stderr', names, p, logFiles),
    };
    logs.stdout.captureMaxbytes = o.stdoutCapture.value;
    logs.stdout.eventsEnabled = o.stdoutEvents.value;
    logs.stderr.captureMaxbytes = o.stderrCapture.value;
    logs.stderr.eventsEnabled = o.stderrEvents.value;
    if (o.redirectStderr.value) {
      if (logs.stderr.rawFile !== 'AUTO' && logs.stderr.rawFile !== null) {
        r.warnings.push(
          `For [${section.name}], redirect_stderr=true but stderr_logfile has also been set to a filename, the filename has been ignored`,
        );
      }
      logs.stderr.file = null;
    }

    const commandRead = p.read('command', null);
    if (!commandRead.entry) {
      r.error(RULE_IDS.requiredOption, `program section ${section.name} does not specify a command${suffix}`, at);
    }
    const command = commandRead.entry && !commandRead.failed ? commandRead.value : null;

    let name = programName;
    if (processName.ok) {
      const e = r.expandText(processName.value, names, 'process_name', () => processNameRead.pos, suffix, lenient);
      if (e.ok) name = e.value;
    }
    const strip = (c: LogChannel): LogSpec => ({ file: c.file, maxbytes: c.maxbytes, backups: c.backups, syslog: c.syslog, captureMaxbytes: c.captureMaxbytes, eventsEnabled: c.eventsEnabled });
    return {
      name,
      group: groupName,
      programName,
      sectionName: section.name,
      kind,
      processNum: num,
      numprocs: numprocs.value,
      command,
      directory,
      umask: o.umask,
      priority: o.priority.value,
      autostart: o.autostart.value,
      autorestart: o.autorestart.value,
      startsecs: o.startsecs.value,
      startretries: o.startretries.value,
      user: o.user,
      uid: o.uid,
      stdout: strip(logs.stdout),
      stderr: strip(logs.stderr),
      stopsignal: o.stopsignal.value,
      stopwaitsecs: o.stopwaitsecs.value,
      stopasgroup: o.stopasgroup.value,
      killasgroup: o.killasgroup.value,
      exitcodes: o.exitcodes.value,
      redirectStderr: o.redirectStderr.value,
      environment,
      serverurl: o.serverurl,
      at,
    };
  };

  const start = numprocsStart.value;
  if (start >= end) return processes;
  const errorsBefore = r.diagnostics.length;
  const warningsBefore = r.warnings.length;
  const first = resolveOne(start, false);
  processes.push(first);
  if (end > start + 1) {
    const derive =
      r.diagnostics.length === errorsBefore
        ? processDeriver(r, section, first, new LayeredNames([common, { numprocs: numprocs.value }, r.envNames], () => ({ ...r.envNames, ...common, numprocs: numprocs.value })))
        : null;
    // supervisord prints its warnings about a process's keys for each process
    const warnings = r.warnings.slice(warningsBefore);
    for (let num = start + 1; num < end; num++) {
      const derived = derive?.(num);
      if (derived) {
        processes.push(derived);
        for (let i = 0; i < warnings.length; i++) r.warnings.push(warnings[i]!);
      } else processes.push(resolveOne(num, true));
    }
  }
  return sortProcesses(processes);
}
