// The table printed after `run --for`: one row per process with its final state.
import type { ProcessSummary } from './machine/index.js';

/** supervisorctl's name for a process: `group:name`, or `name` when both are the same. */
export const displayName = (p: Pick<ProcessSummary, 'group' | 'name'>): string =>
  p.group === p.name ? p.name : `${p.group}:${p.name}`;

/** `exit status 1 (not expected)`, `terminated by SIGTERM (stopped)`, the spawnerr, or `-`. */
export function lastExitText(p: ProcessSummary): string {
  const e = p.lastExit;
  if (e) {
    const why = e.outcome === 'stopped' ? 'stopped' : e.expected ? 'expected' : 'not expected';
    return `${e.description} (${why})`;
  }
  return p.spawnerr ? `spawnerr: ${p.spawnerr}` : '-';
}

/** Any process ended FATAL/UNKNOWN or exited unexpectedly from RUNNING. */
export const anyFailed = (rows: readonly ProcessSummary[]): boolean => rows.some((p) => p.failed);

export function formatSummary(rows: readonly ProcessSummary[]): string {
  // Failed starts (quick exits, spawn errors) lead to FATAL; unexpected exits happen after RUNNING.
  const header = ['PROCESS', 'STATE', 'STARTS', 'FAILED STARTS', 'UNEXPECTED EXITS', 'LAST EXIT'];
  const body = rows.map((p) => [
    displayName(p), p.state, String(p.starts), String(p.quickExits + p.spawnErrors), String(p.unexpectedExits), lastExitText(p),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [line(header), ...body.map(line)];
  const failed = rows.filter((p) => p.failed);
  out.push('');
  out.push(failed.length === 0
    ? `ok: ${rows.length} process${rows.length === 1 ? '' : 'es'}, none FATAL, no unexpected exit`
    : `failed: ${failed.map((p) => `${displayName(p)} (${p.state === 'FATAL' || p.state === 'UNKNOWN' ? p.state : 'exited unexpectedly'})`).join(', ')}`);
  return out.join('\n') + '\n';
}
