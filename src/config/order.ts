/**
 * supervisord's order: `groups.sort()` (priority, then name; stable, so equal keys keep the
 * pass order group < program < eventlistener < fcgi-program), and what startup then drops:
 * a group whose name an earlier group already has, a process whose name a later process of the
 * same group reuses.
 */
import { pyOrderBy } from '../codecs/python.js';
import type { ResolvedGroup } from './types.js';

export function orderGroups(groups: ResolvedGroup[]): ResolvedGroup[] {
  const byName = pyOrderBy(groups, (g) => g.name);
  const sorted = [...groups].sort((a, b) => (a.priority !== b.priority ? a.priority - b.priority : byName(a, b)));
  const seen = new Set<string>();
  for (let k = 0; k < sorted.length; k++) {
    const g = sorted[k]!;
    if (seen.has(g.name)) g.shadowed = true;
    seen.add(g.name);
    const ps = g.processes;
    if (ps.length < 2) continue;
    // a program's own group is one section's processes, sorted by name: a repeat is next to its twin
    if (g.kind !== 'group') {
      for (let i = 0; i + 1 < ps.length; i++) if (ps[i]!.name === ps[i + 1]!.name) ps[i]!.shadowed = true;
      continue;
    }
    const last = new Map<string, number>();
    for (let i = 0; i < ps.length; i++) last.set(ps[i]!.name, i);
    if (last.size === ps.length) continue; // no repeated name
    for (let i = 0; i < ps.length; i++) if (last.get(ps[i]!.name) !== i) ps[i]!.shadowed = true;
  }
  return sorted;
}
