// Live processes as Linux /proc shows them, for tests that check nothing is left running.
import { readdirSync, readFileSync } from 'node:fs';

/** Each live process (not zombie, not dead): its pid and the stat fields after the command. */
function liveProcesses(): Array<{ pid: number; fields: string[] }> {
  const found: Array<{ pid: number; fields: string[] }> = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // the command is in parentheses and may contain anything: the fields start after the last `)`
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] !== 'Z' && fields[0] !== 'X') found.push({ pid: Number(name), fields });
  }
  return found;
}

/** Pids of live processes whose session id is `sid`. */
export function sessionProcesses(sid: number): number[] {
  return liveProcesses().filter((p) => Number(p.fields[3]) === sid).map((p) => p.pid);
}

/** Pids of live processes whose process group is one of `pgids`. */
export function processGroupMembers(pgids: readonly number[]): number[] {
  return liveProcesses().filter((p) => pgids.includes(Number(p.fields[2]))).map((p) => p.pid);
}
