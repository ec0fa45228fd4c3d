// Block collections for the quick YAML reader, and the document they make: a mapping at
// column 1 of keys and `key: value` lines, sequences of `- value` lines, values on one line.
import { DASH, DECLINE, DQUOTE, HASH, LBRACE, LBRACKET, LF, SP, SQUOTE } from './yaml-chars.js';
import { FlowReader } from './yaml-flow.js';
import { key, plainValue, quoted } from './yaml-scalars.js';

export class BlockReader extends FlowReader {
  /** The whole text's data; its position tree is then `this.node`. */
  document(): unknown {
    if (this.toContent() !== 0) throw DECLINE;
    const c = this.s.charCodeAt(this.pos);
    let data: unknown;
    if (c === LBRACE || c === LBRACKET) {
      data = this.flow(true);
      this.skipFlowSpace(true);
      if (this.pos < this.s.length) throw DECLINE;
    } else {
      if (this.isSeqEntry()) throw DECLINE;
      data = this.blockMap(0);
      if (this.toContent() !== -1) throw DECLINE;
    }
    return data;
  }

  private isSeqEntry(): boolean {
    const s = this.s;
    if (s.charCodeAt(this.pos) !== DASH) return false;
    const n = s.charCodeAt(this.pos + 1);
    return n === SP || n === LF || this.pos + 1 >= s.length;
  }

  /** A block mapping whose keys are at `indent`; pos is at its first key. */
  private blockMap(indent: number): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    const node = this.mapNode();
    for (;;) {
      const kline = this.line;
      const kcol = this.column();
      const name = this.blockKey();
      this.newKey(data, name);
      data[name] = this.blockValue(indent);
      this.addEntry(node, name, kline, kcol);
      const next = this.toContent();
      if (next < indent) {
        this.node = node;
        return data;
      }
      if (next > indent) throw DECLINE;
    }
  }

  /** A key and its `:`; leaves pos just after the `:`. */
  private blockKey(): string {
    const s = this.s;
    const start = this.pos;
    const name = key(this, false);
    if (this.pos - start > 1000) throw DECLINE;
    this.pos++;
    const n = s.charCodeAt(this.pos);
    if (n !== SP && n !== LF && this.pos < s.length) throw DECLINE;
    return name;
  }

  /** The value after `key:` in a mapping at `indent`. */
  private blockValue(indent: number): unknown {
    const s = this.s;
    while (s.charCodeAt(this.pos) === SP) this.pos++;
    const c = s.charCodeAt(this.pos);
    if (this.pos >= s.length || c === LF || c === HASH) {
      this.endLine();
      const next = this.toContent();
      if (next > indent) return this.isSeqEntry() ? this.blockSeq(next) : this.blockMap(next);
      if (next === indent && this.isSeqEntry()) return this.blockSeq(indent);
      throw DECLINE;
    }
    return this.inlineValue(indent);
  }

  /** A block sequence whose dashes are at `indent`; pos is at the first dash. */
  private blockSeq(indent: number): unknown[] {
    const s = this.s;
    const data: unknown[] = [];
    const node = this.here();
    node.children = [];
    for (;;) {
      this.pos++;
      if (s.charCodeAt(this.pos) !== SP) throw DECLINE;
      while (s.charCodeAt(this.pos) === SP) this.pos++;
      const c = s.charCodeAt(this.pos);
      if (this.pos >= s.length || c === LF || c === HASH || this.isSeqEntry()) throw DECLINE;
      data.push(this.inlineValue(indent));
      this.addItem(node);
      const next = this.toContent();
      if (next < indent || (next === indent && !this.isSeqEntry())) {
        this.node = node;
        return data;
      }
    }
  }

  /**
   * A scalar or flow collection that ends its line, inside a block node at `indent`; a line
   * indented deeper after it would continue it, so that is declined.
   */
  private inlineValue(indent: number): unknown {
    const c = this.s.charCodeAt(this.pos);
    let data: unknown;
    if (c === LBRACE || c === LBRACKET) {
      data = this.flow(false);
    } else {
      const node = this.leaf();
      data = c === SQUOTE || c === DQUOTE ? quoted(this, c) : plainValue(this, false);
      this.node = node;
    }
    this.endLine();
    if (this.toContent() > indent) throw DECLINE;
    return data;
  }
}
