// Flow collections for the quick YAML reader: `[...]` and `{...}` on one line, or spread over
// lines when the whole file is one (JSON).
import { COMMA, DECLINE, DQUOTE, HASH, LBRACE, LBRACKET, LF, RBRACE, RBRACKET, SP, SQUOTE, TAB } from './yaml-chars.js';
import { key, plainValue, quoted } from './yaml-scalars.js';
import { Scanner } from './yaml-scanner.js';

export class FlowReader extends Scanner {
  /** Spaces (and, for a whole-file collection, line breaks and comments) between flow tokens. */
  skipFlowSpace(multiLine: boolean): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (c === SP) {
        this.pos++;
      } else if (c === LF) {
        if (!multiLine) throw DECLINE;
        this.newline(this.pos);
        if (this.marker(this.pos)) throw DECLINE;
      } else if (c === HASH) {
        const prev = s.charCodeAt(this.pos - 1);
        if (!multiLine || (prev !== SP && prev !== LF)) throw DECLINE;
        const nl = s.indexOf('\n', this.pos);
        this.pos = nl === -1 ? s.length : nl;
      } else if (c === TAB) {
        throw DECLINE;
      } else {
        return;
      }
    }
  }

  /** `[...]` or `{...}`; on one line unless `multiLine`. */
  protected flow(multiLine: boolean): unknown {
    const s = this.s;
    const seq = s.charCodeAt(this.pos) === LBRACKET;
    const node = seq ? this.here() : this.mapNode();
    if (seq) node.children = [];
    const close = seq ? RBRACKET : RBRACE;
    this.pos++;
    // Only the collection being read is made.
    const seqData: unknown[] = seq ? [] : (null as never);
    const mapData: Record<string, unknown> = seq ? (null as never) : {};
    this.skipFlowSpace(multiLine);
    if (s.charCodeAt(this.pos) === close) {
      this.pos++;
      this.node = node;
      return seq ? seqData : mapData;
    }
    for (;;) {
      this.skipFlowSpace(multiLine);
      if (seq) {
        seqData.push(this.flowValue(multiLine));
        this.addItem(node);
      } else {
        const kline = this.line;
        const kcol = this.column();
        const key = this.flowKey();
        this.newKey(mapData, key);
        this.skipFlowSpace(multiLine);
        mapData[key] = this.flowValue(multiLine);
        this.addEntry(node, key, kline, kcol);
      }
      this.skipFlowSpace(multiLine);
      const c = s.charCodeAt(this.pos);
      this.pos++;
      if (c === close) {
        this.node = node;
        return seq ? seqData : mapData;
      }
      if (c !== COMMA) throw DECLINE;
    }
  }

  /** A key in a flow mapping and its `:`. */
  private flowKey(): string {
    const text = key(this, true);
    this.pos++;
    return text;
  }

  /** A value inside a flow collection. */
  private flowValue(multiLine: boolean): unknown {
    const c = this.s.charCodeAt(this.pos);
    if (c === LBRACE || c === LBRACKET) return this.flow(multiLine);
    this.node = this.leaf();
    if (c === SQUOTE || c === DQUOTE) return quoted(this, c);
    return plainValue(this, true);
  }
}
