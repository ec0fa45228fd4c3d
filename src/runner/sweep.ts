// The last thing `run` does on every exit path: SIGKILL every process group it started that
// still has a member.
import { SIGKILL } from './machine/index.js';

/** Whether any process still belongs to process group `pgid`. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Kills, with SIGKILL, every process group this run started that still has a member (a
 * grandchild supervisord would leave orphaned without stopasgroup, or anything left by an
 * internal error). Returns the runner's notice about them, or null when there were none.
 */
export function sweepLeftovers(groups: Iterable<number>): string | null {
  const killed: number[] = [];
  for (const pgid of groups) {
    if (!groupAlive(pgid)) continue;
    try {
      process.kill(-pgid, SIGKILL.number);
      killed.push(pgid);
    } catch {
      // gone meanwhile
    }
  }
  if (killed.length === 0) return null;
  return `run: killed ${killed.length} leftover process group${killed.length === 1 ? '' : 's'} (pgid ${killed.join(', ')}) `
    + 'with SIGKILL: processes that outlived their parent (supervisord would leave them running; stopasgroup=true stops them)\n';
}
