// `run --dry-run`: what would be started, in start order, and with what; starts nothing.
import { resolve } from 'node:path';
import { commandCodec, commandParseError } from '../codecs/command.js';
import type { LogSpec, ResolvedConfig, ResolvedProcess } from '../config/types.js';
import { childEnvironment } from './host/spawn-check.js';
import { loadRunSource, type RunSourceOptions } from './load.js';
import { displayName } from './summary.js';

/** Where one output channel goes. */
export type DryRunLog =
  | { kind: 'none' }
  | { kind: 'auto'; dir: string }
  | { kind: 'file'; path: string; maxbytes: number; backups: number }
  | { kind: 'stdout' };

export interface DryRunProcess {
  /** `group:name`, unique. */
  key: string;
  group: string;
  name: string;
  /** The group's priority: groups start in ascending (priority, name). */
  groupPriority: number;
  /** The process's own priority (orders the processes of a program section). */
  priority: number;
  autostart: boolean;
  /** command= after `%` expansion, before the split. */
  command: string;
  /** shlex.split(command), as the spawn would do it; null when it cannot be split. */
  argv: string[] | null;
  /** The spawnerr text a split failure gives (`command is empty`, `can't parse command ...`). */
  commandError: string | null;
  /**
   * What supervisord adds to its own environment for this child, in the order it applies them
   * (a later name wins): SUPERVISOR_* names, `[supervisord] environment`, the program's.
   */
  environment: Record<string, string>;
  /** user= (null: supervisord's own user). */
  user: string | null;
  /** directory= (null: supervisord's working directory). */
  directory: string | null;
  /** umask= as an octal string like `022` (null: supervisord's). */
  umask: string | null;
  stdout: DryRunLog;
  /** `{kind: 'stdout'}` with redirect_stderr. */
  stderr: DryRunLog;
}

/** The `--dry-run --json` document (stable; `version` changes if the shape does). */
export interface DryRunReport {
  version: 1;
  /** The file given. */
  source: string;
  /** 'workers' when the source was a worker description turned into a config in memory. */
  sourceKind: 'ini' | 'workers';
  /** Every config file read, main first. */
  files: string[];
  /** supervisord's main log file (null for `syslog`). */
  logfile: string | null;
  loglevel: string;
  childlogdir: string;
  /** In start order: groups by (priority, name), each group's processes in supervisord's order. */
  processes: DryRunProcess[];
}

function logOf(spec: LogSpec, childlogdir: string, cwd: string): DryRunLog {
  if (spec.file === null) return { kind: 'none' };
  if (spec.file === 'AUTO') return { kind: 'auto', dir: resolve(cwd, childlogdir) };
  return { kind: 'file', path: resolve(cwd, spec.file), maxbytes: spec.maxbytes, backups: spec.backups };
}

function describe(p: ResolvedProcess, groupPriority: number, config: ResolvedConfig, cwd: string): DryRunProcess {
  const command = p.command ?? '';
  const split = commandCodec.parse(command);
  const sv = config.supervisord;
  const environment = childEnvironment(p, { env: {}, supervisordEnv: sv.environment, serverUrl: sv.serverurl, cwd });
  return {
    key: `${p.group}:${p.name}`,
    group: p.group,
    name: p.name,
    groupPriority,
    priority: p.priority,
    autostart: p.autostart,
    command,
    argv: split.ok ? split.value : null,
    commandError: split.ok ? null : split.message === 'command is empty' ? split.message : commandParseError(command, split.message),
    environment,
    user: p.user,
    directory: p.directory,
    umask: p.umask === null ? null : p.umask.toString(8).padStart(3, '0'),
    stdout: logOf(p.stdout, sv.childlogdir, cwd),
    stderr: p.redirectStderr ? { kind: 'stdout' } : logOf(p.stderr, sv.childlogdir, cwd),
  };
}

export function dryRunReport(path: string, opts: RunSourceOptions): DryRunReport {
  const source = loadRunSource(path, opts);
  const { config } = source;
  return {
    version: 1,
    source: path,
    sourceKind: source.kind,
    files: config.files,
    logfile: config.supervisord.logfile === 'syslog' ? null : config.supervisord.logfile,
    loglevel: config.supervisord.loglevel,
    childlogdir: config.supervisord.childlogdir,
    processes: source.mapped.groups.flatMap((g) => g.processes.map((ps) => {
      const m = source.mapped.byKey.get(`${ps.group}:${ps.name}`)!;
      return describe(m.config, g.priority, config, opts.cwd);
    })),
  };
}

const shownLog = (log: DryRunLog): string => {
  switch (log.kind) {
    case 'none': return 'none (discarded)';
    case 'auto': return `AUTO in ${log.dir}`;
    case 'stdout': return 'into the stdout log (redirect_stderr)';
    case 'file': return log.maxbytes > 0 ? `${log.path} (rotated at ${log.maxbytes} bytes, ${log.backups} backups)` : log.path;
  }
};

/** A word as a shell would need it, only to make argv boundaries visible. */
const shownWord = (w: string): string => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

export function formatDryRunText(report: DryRunReport): string {
  const n = report.processes.length;
  const out: string[] = [];
  out.push(`${report.source}: would start ${n} process${n === 1 ? '' : 'es'} (nothing is started)`);
  out.push(`main log: ${report.logfile ?? 'syslog'} (loglevel ${report.loglevel})`);
  for (const p of report.processes) {
    out.push('');
    out.push(`${displayName(p)}  (group ${p.group} priority ${p.groupPriority}, process priority ${p.priority})${p.autostart ? '' : '  autostart=false (not started)'}`);
    if (p.argv) out.push(`  argv:        ${p.argv.map(shownWord).join(' ')}`);
    else out.push(`  argv:        (spawnerr: ${p.commandError})`);
    out.push(`  user:        ${p.user ?? "(supervisord's)"}`);
    out.push(`  directory:   ${p.directory ?? "(supervisord's working directory)"}`);
    if (p.umask !== null) out.push(`  umask:       ${p.umask}`);
    out.push(`  environment: ${Object.keys(p.environment).length} added`);
    for (const [k, v] of Object.entries(p.environment)) out.push(`    ${k}=${v}`);
    out.push(`  stdout log:  ${shownLog(p.stdout)}`);
    out.push(`  stderr log:  ${shownLog(p.stderr)}`);
  }
  return out.join('\n') + '\n';
}

/** `run --dry-run [--json]`: the report as text or JSON (2-space indent, trailing newline). */
export function dryRun(path: string, opts: RunSourceOptions & { json: boolean }): string {
  const report = dryRunReport(path, opts);
  return opts.json ? JSON.stringify(report, null, 2) + '\n' : formatDryRunText(report);
}
