// ResolvedConfig -> what the state machine runs, keeping exactly the processes supervisord keeps
// and in the order it keeps them.
import type { ResolvedConfig, ResolvedGroup, ResolvedProcess } from '../config/types.js';
import { processKey, sortGroups, type GroupSpec, type ProcessSpec } from './machine/index.js';

export interface MappedProcess {
  key: string;
  spec: ProcessSpec;
  config: ResolvedProcess;
}

export interface MappedConfig {
  groups: GroupSpec[];
  /** Every process that will run, in start order (groups, then their processes). */
  processes: MappedProcess[];
  byKey: Map<string, MappedProcess>;
}

/**
 * The processes of one group as supervisord's dict holds them: a name defined twice keeps the
 * later definition at the first one's place (the resolver marks the earlier one `shadowed`).
 */
export function keptProcesses(group: ResolvedGroup): ResolvedProcess[] {
  const order: string[] = [];
  const winner = new Map<string, ResolvedProcess>();
  for (const p of group.processes) {
    if (!winner.has(p.name)) order.push(p.name);
    winner.set(p.name, p);
  }
  return order.map((n) => winner.get(n) as ResolvedProcess);
}

export function toProcessSpec(p: ResolvedProcess): ProcessSpec {
  return {
    name: p.name,
    group: p.group,
    priority: p.priority,
    autostart: p.autostart,
    startsecs: p.startsecs,
    startretries: p.startretries,
    autorestart: p.autorestart,
    exitcodes: [...p.exitcodes],
    stopsignal: { name: p.stopsignal.name, number: p.stopsignal.number },
    stopwaitsecs: p.stopwaitsecs,
    stopasgroup: p.stopasgroup,
    killasgroup: p.killasgroup,
  };
}

/**
 * The groups in supervisord's start order: ascending (priority, name), ties by section kind
 * (group < program < eventlistener < fcgi-program); a group name already taken is dropped, as
 * supervisord's add_process_group does. Processes keep the resolver's order (lexical
 * (priority, name) for a program; the programs= list order for a [group:x]).
 */
export function toMachineGroups(config: ResolvedConfig): MappedConfig {
  const kept: { spec: GroupSpec; members: ResolvedProcess[] }[] = [];
  const taken = new Set<string>();
  for (const g of config.groups) {
    if (g.shadowed || taken.has(g.name)) continue;
    taken.add(g.name);
    const members = keptProcesses(g);
    kept.push({ spec: { name: g.name, priority: g.priority, kind: g.kind, processes: members.map(toProcessSpec) }, members });
  }
  const groups = sortGroups(kept.map((k) => k.spec));
  const processes: MappedProcess[] = [];
  const byKey = new Map<string, MappedProcess>();
  for (const spec of groups) {
    const members = kept.find((k) => k.spec === spec)!.members;
    spec.processes.forEach((ps, i) => {
      const m: MappedProcess = { key: processKey(ps), spec: ps, config: members[i]! };
      processes.push(m);
      byKey.set(m.key, m);
    });
  }
  return { groups, processes, byKey };
}
