// The quick YAML reader's walk over lines: where it stands (line, column), blank and comment
// lines, the end of a value's line, and the position tree (positions.ts) it builds as it goes.
import { type PosNode, posNode } from './positions.js';
import { DASH, DECLINE, DOT, HASH, LF, SP, TAB } from './yaml-chars.js';
import type { Cursor } from './yaml-scalars.js';

export class Scanner implements Cursor {
  pos = 0;
  line = 1;
  lineStart = 0;

  /**
   * The node of the value just read (its data is what the reading method returned); a scalar's
   * is its index in `leaves`.
   */
  node: PosNode | number = 0;

  /** Each scalar's line, col, kline, kcol (see PosNode.children). */
  readonly leaves: number[] = [];

  constructor(readonly s: string) {}

  /** A new collection's node, here. */
  protected here(): PosNode {
    const node = posNode(this.line, this.pos - this.lineStart + 1);
    node.leaves = this.leaves;
    return node;
  }

  /** A scalar's entry in `leaves`, here (its key is filled in by addEntry or addItem). */
  protected leaf(): number {
    const leaves = this.leaves;
    const n = leaves.length;
    leaves.push(this.line, this.pos - this.lineStart + 1, 0, 0);
    return n;
  }

  protected column(): number {
    return this.pos - this.lineStart + 1;
  }

  protected newline(at: number): void {
    this.line++;
    this.lineStart = at + 1;
    this.pos = at + 1;
  }

  /**
   * Skips blank and comment lines; leaves pos at the first character of the next line with
   * content and returns its indent, or -1 at the end. Call it at a line start or at content.
   */
  toContent(): number {
    const s = this.s;
    for (;;) {
      let p = this.pos;
      while (s.charCodeAt(p) === SP) p++;
      if (p >= s.length) {
        this.pos = p;
        return -1;
      }
      const c = s.charCodeAt(p);
      if (c === LF) {
        this.newline(p);
        continue;
      }
      if (c === HASH) {
        const nl = s.indexOf('\n', p);
        if (nl === -1) {
          this.pos = s.length;
          return -1;
        }
        this.newline(nl);
        continue;
      }
      if (c === TAB) throw DECLINE;
      if (p === this.lineStart && this.marker(p)) throw DECLINE;
      this.pos = p;
      return p - this.lineStart;
    }
  }

  /** `---` or `...` at a line start (a document marker, or too close to one). */
  protected marker(p: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(p);
    return (c === DASH || c === DOT) && s.charCodeAt(p + 1) === c && s.charCodeAt(p + 2) === c;
  }

  /** After a value: only spaces and a comment may follow on the line; moves to the next line. */
  protected endLine(): void {
    const s = this.s;
    let p = this.pos;
    while (s.charCodeAt(p) === SP) p++;
    if (p >= s.length) {
      this.pos = p;
      return;
    }
    const c = s.charCodeAt(p);
    if (c !== LF) {
      if (c !== HASH || s.charCodeAt(p - 1) !== SP) throw DECLINE;
      p = s.indexOf('\n', p);
      if (p === -1) {
        this.pos = s.length;
        return;
      }
    }
    this.newline(p);
  }

  /** A new mapping's node, here: its keys and values are added as they are read. */
  protected mapNode(): PosNode {
    const node = this.here();
    node.names = [];
    node.children = [];
    return node;
  }

  /** Declines a key eemeli/yaml treats specially (`<<`, `__proto__`) or has already seen. */
  protected newKey(data: Record<string, unknown>, key: string): void {
    if (key === '__proto__' || key === '<<' || Object.hasOwn(data, key)) throw DECLINE;
  }

  /** Adds the value just read (`this.node`) to `map` under `key`, written at kline:kcol. */
  protected addEntry(map: PosNode, key: string, kline: number, kcol: number): void {
    const child = this.node;
    if (typeof child === 'number') {
      this.leaves[child + 2] = kline;
      this.leaves[child + 3] = kcol;
    } else {
      child.kline = kline;
      child.kcol = kcol;
    }
    map.names!.push(key);
    map.children!.push(child);
  }

  /** Adds the value just read (`this.node`) to `seq` as an item, which is its own key. */
  protected addItem(seq: PosNode): void {
    const node = this.node;
    if (typeof node === 'number') {
      const leaves = this.leaves;
      leaves[node + 2] = leaves[node]!;
      leaves[node + 3] = leaves[node + 1]!;
    } else {
      node.kline = node.line;
      node.kcol = node.col;
    }
    seq.children!.push(node);
  }
}
