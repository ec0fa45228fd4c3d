// supervisord's orderings (options.py, supervisord.py, process.py ProcessGroupBase.stop_all).
import type { GroupKind, GroupSpec, ProcessSpec } from './types.js';

const KIND_RANK: Readonly<Record<GroupKind, number>> = {
  group: 0, program: 1, eventlistener: 2, 'fcgi-program': 3,
};

/** Python compares str by code point; JS `<` compares UTF-16 units (differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) as number);
  const y = Array.from(b, (c) => c.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

/** Start order of groups: ascending (priority, name); ties by section kind, as parsed. */
export function sortGroups<T extends Pick<GroupSpec, 'priority' | 'name' | 'kind'>>(groups: T[]): T[] {
  return [...groups].sort((a, b) => a.priority - b.priority
    || compareCodePoints(a.name, b.name) || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
}

/** Order of one program section's processes: ascending (priority, name), names lexical. */
export function sortProcessesLikeSupervisord<T extends Pick<ProcessSpec, 'priority' | 'name'>>(
  processes: T[],
): T[] {
  return [...processes].sort((a, b) => a.priority - b.priority || compareCodePoints(a.name, b.name));
}

/**
 * Stop order inside a group: a stable ascending sort on priority alone, then reversed, so
 * equal priorities stop in the reverse of the start order.
 */
export function stopOrder<T extends { spec: Pick<ProcessSpec, 'priority'> }>(processes: T[]): T[] {
  return [...processes].sort((a, b) => a.spec.priority - b.spec.priority).reverse();
}
