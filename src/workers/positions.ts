/**
 * Where each value of a parsed worker description is written, as a tree that mirrors the data,
 * and the walk down it that every diagnostic position comes from. Both YAML readers (the quick
 * one and eemeli/yaml) produce this tree; walking it allocates only on reaching a scalar the
 * quick reader read, or when the path leaves what is written.
 */

import type { SourcePos } from '../core/diagnostic.js';

/**
 * One written value: a mapping, a sequence, or a scalar (a leaf). The quick reader keeps the
 * scalars under a collection as numbers into `leaves` (no object per scalar: most values are
 * scalars, and every object made while reading is copied by the young-generation GC); walking
 * to one makes its node then.
 */
export interface PosNode {
  /** The value's position, 1-based; line 0: the entry has no value node (eemeli/yaml's `key:`). */
  line: number;
  col: number;
  /** Its key's position in a mapping (its own in a sequence); line 0: no key node. */
  kline: number;
  kcol: number;
  /** A mapping: the text of each key, in order (the first of equal texts wins). */
  names: string[] | null;
  /** eemeli/yaml only, for a mapping with a collection as a key: the keys as written, searched one by one. */
  rawKeys: unknown[] | null;
  /**
   * A mapping's values (in the order of its keys) or a sequence's items (null: no node there;
   * a number n: a scalar whose line, col, kline and kcol are leaves[n..n+3]).
   */
  children: Array<PosNode | number | null> | null;
  /** The quick reader's table of scalar positions (shared by the whole document), or null. */
  leaves: number[] | null;
  /** A big mapping's key texts by index, built on the first lookup. */
  index: Map<string, number> | null;
}

export function posNode(line: number, col: number): PosNode {
  // Every node has the same fields, so that walking them stays monomorphic.
  return { line, col, kline: 0, kcol: 0, names: null, rawKeys: null, children: null, leaves: null, index: null };
}

/** Index of `segment` among the children of `node`, or -1: a key by its text, an item by its number. */
function childIndex(node: PosNode, segment: string | number): number {
  const names = node.names;
  if (names) {
    const text = String(segment);
    if (names.length <= 8) return names.indexOf(text);
    if (!node.index) {
      const index = new Map<string, number>();
      for (let i = 0; i < names.length; i++) if (!index.has(names[i]!)) index.set(names[i]!, i);
      node.index = index;
    }
    return node.index.get(text) ?? -1;
  }
  if (node.rawKeys) return node.rawKeys.findIndex((k) => k === segment || String(k) === String(segment));
  if (node.children && typeof segment === 'number') return node.children[segment] === undefined ? -1 : segment;
  return -1;
}

function isLeaf(node: PosNode): boolean {
  return node.children === null;
}

/**
 * One step down: the value under `segment`. Where nothing is written there, the result is a
 * leaf at the last position found (the value's key when only the key is written), so the walk
 * reports the nearest written ancestor, as `locate` promises.
 */
export function stepInto(from: PosNode, segment: string | number): PosNode {
  const i = childIndex(from, segment);
  const child = i < 0 ? null : from.children![i]!;
  if (child === null) return isLeaf(from) ? from : posNode(from.line, from.col);
  // A scalar's key is never asked for once it is reached (a leaf has no keys): line and col do.
  if (typeof child === 'number') return posNode(from.leaves![child]!, from.leaves![child + 1]!);
  if (child.line > 0) return child;
  return child.kline > 0 ? posNode(child.kline, child.kcol) : posNode(from.line, from.col);
}

/** Where the key `segment` of `from` is written (an item's own position in a sequence). */
export function keyPosition(from: PosNode, segment: string | number): { line: number; col: number } {
  const pos = keySourcePos(from, segment, '');
  return { line: pos.line, col: pos.column };
}

/** keyPosition as the SourcePos of `file`, made at once (the only object made). */
export function keySourcePos(from: PosNode, segment: string | number, file: string): SourcePos {
  const i = childIndex(from, segment);
  const child = i < 0 ? null : from.children![i]!;
  if (typeof child === 'number') return { file, line: from.leaves![child + 2]!, column: from.leaves![child + 3]! };
  if (child === null || child.kline === 0) return { file, line: from.line, column: from.col };
  return { file, line: child.kline, column: child.kcol };
}
