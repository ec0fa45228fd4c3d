import type { IniLintContext, Rule } from '../types.js';
import { processesOf, pushTo, spanOf } from '../util.js';
import { ownLogChannels } from '../walk.js';
import { STREAM } from './log-rotation-on-stream.js';

export const sharedLogfile: Rule = {
  id: 'shared-logfile',
  description: 'One log file written by several processes (or by stdout and stderr of one): rotation and lines get mixed up.',
  severity: 'warning',
  docs: `Each log file is opened and rotated by its own writer in supervisord. When two processes
(typically \`numprocs > 1\` without \`%(process_num)\` in the log name) share a file, each rotates
it on its own: lines are lost and backups overwrite each other. Give each process its own
file, or log to \`/dev/stdout\` with rotation off.

Bad:
\`\`\`ini
[program:worker]
command=/usr/bin/worker
numprocs=2
process_name=%(program_name)s_%(process_num)02d
stdout_logfile=/var/log/worker.log
\`\`\`

Good:
\`\`\`ini
[program:worker]
command=/usr/bin/worker
numprocs=2
process_name=%(program_name)s_%(process_num)02d
stdout_logfile=/var/log/worker_%(process_num)02d.log
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    const shared = sharedFiles(ctx);
    if (!shared) return;
    const writers = new Map<string, Array<{ process: string; section: string; channel: string }>>();
    for (const p of processesOf(ctx)) {
      for (const ch of ownLogChannels(p)) {
        const file = p[ch].file;
        if (file === null || !shared.has(file)) continue;
        pushTo(writers, file, { process: p.name, section: p.sectionName, channel: ch });
      }
    }
    const reported = new Set<string>();
    for (const [file, ws] of writers) {
      if (ws.length === 2 && ws[0]!.process === ws[1]!.process && ws[0]!.section === ws[1]!.section) {
        // stdout and stderr of one process: say it once, where stderr is set
        const w = ws[1]!;
        if (!reported.has(`${w.section}\0stderr`)) {
          reported.add(`${w.section}\0stderr`);
          report({ ...(spanOf(ctx, w.section, 'stderr_logfile') ?? { line: 1, column: 1 }), message: `stdout and stderr of ${w.process} both write ${file}: two writers rotate it on their own; use redirect_stderr=true instead of the same stderr_logfile` });
        }
        continue;
      }
      const others = otherNames(ws);
      for (const [i, w] of ws.entries()) {
        const key = `${w.section}\0${w.channel}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const names = others(i).join(', ') + (ws.length - 1 > 4 ? ', ...' : '');
        report({ ...(spanOf(ctx, w.section, `${w.channel}_logfile`) ?? { line: 1, column: 1 }), message: `${file} is written by ${w.process} (${w.channel}) and also by ${names}: each rotates it on its own; use one file per process (e.g. with %(process_num)02d)` });
      }
    }
  },
};

/**
 * The log files (not AUTO, a stream or /dev/null) more than one writer logs to, or undefined
 * when there is none, the usual case: found without a list of writers for each of the
 * thousands of files. Whether a file is a log file only matters for the ones seen twice.
 */
function sharedFiles(ctx: IniLintContext): Set<string> | undefined {
  const groups = ctx.config?.groups ?? [];
  const seen = new Set<string>();
  let shared: Set<string> | undefined;
  for (let g = 0; g < groups.length; g++) {
    const ps = groups[g]!.processes;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      // the channels with a log of their own (ownLogChannels); AUTO and none are common
      const out = p.stdout.file;
      if (out !== 'AUTO' && out !== null) {
        const size = seen.size;
        if (seen.add(out).size === size && isLogFile(out)) (shared ??= new Set()).add(out);
      }
      const err = p.stderr.file;
      if (!p.redirectStderr && err !== 'AUTO' && err !== null) {
        const size = seen.size;
        if (seen.add(err).size === size && isLogFile(err)) (shared ??= new Set()).add(err);
      }
    }
  }
  return shared;
}

const isLogFile = (file: string | null): file is string => file !== null && file !== 'AUTO' && file !== '/dev/null' && !STREAM.test(file);

type Writer = { process: string; channel: string };
const labelOf = (w: Writer): string => `${w.process} (${w.channel})`;

/**
 * For the writer at index i: the first 4 distinct labels of the other writers, in order. Linear
 * in the writers (numprocs=40000 sharing one file), not quadratic: dropping writer i only
 * changes the answer when it is the first occurrence of one of the first 5 distinct labels,
 * and then that label moves to its second occurrence (or goes).
 */
function otherNames(ws: readonly Writer[]): (i: number) => string[] {
  const head = new Map<string, { first: number; second: number }>();
  for (const [i, w] of ws.entries()) {
    const label = labelOf(w);
    const seen = head.get(label);
    if (seen) {
      if (seen.second === Infinity) seen.second = i;
    } else if (head.size < 5) head.set(label, { first: i, second: Infinity });
  }
  const byFirst = [...head.keys()];
  const usual = byFirst.slice(0, 4);
  return (i) => {
    const label = labelOf(ws[i]!);
    const at = head.get(label);
    if (!at || at.first !== i) return usual;
    const key = (l: string): number => (l === label ? at.second : head.get(l)!.first);
    return byFirst.filter((l) => key(l) !== Infinity).sort((a, b) => key(a) - key(b)).slice(0, 4);
  };
}
