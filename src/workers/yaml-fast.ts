/**
 * A quick reader for the plain YAML that worker descriptions are written in: block mappings and
 * sequences, single-line scalars (plain, '...' and "..."), flow collections on one line, and a
 * whole-file flow collection (JSON). Anything else (anchors, tags, block scalars, multi-line
 * scalars, empty values, merge keys, duplicate keys, tabs, CR, odd indentation...) is declined:
 * the caller then reads the text with eemeli/yaml. For what it accepts it gives what
 * eemeli/yaml gives (YAML 1.2 core schema: data and every position), at a fraction of the cost
 * on big files; test/workers/yaml-fast.test.ts holds it to that.
 */
import { type PosNode, posNode } from './positions.js';

export interface PlainYaml {
  data: unknown;
  root: PosNode;
}

/** Thrown (one shared instance: no stack to build) when the text is outside the subset. */
const DECLINE = new Error('outside the plain YAML subset');

// Control characters, CR, other line separators, byte order marks: left to the full parser.
const UNUSUAL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

const SP = 32;
const LF = 10;
const TAB = 9;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** Characters that cannot start a plain scalar here (some could in YAML; declined anyway). */
function badPlainStart(c: number): boolean {
  switch (c) {
    case COMMA: case LBRACKET: case RBRACKET: case LBRACE: case RBRACE: case HASH:
    case 38: /* & */ case 42: /* * */ case 33: /* ! */ case 124: /* | */ case 62: /* > */
    case SQUOTE: case DQUOTE: case 37: /* % */ case 64: /* @ */ case 96: /* ` */
    case 63: /* ? */ case COLON: case DASH: case SP: case TAB: case LF:
      return true;
    default:
      return false;
  }
}

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, tested in eemeli/yaml's order. */
export function resolvePlain(t: string): unknown {
  const c = t.charCodeAt(0);
  // Most values start with a letter that none of the patterns can: skip the tests for them.
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (letter && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return t;
  if (c === 47 /* / */ || c === 36 /* $ */ || c === 95 /* _ */) return t;
  if (NULL.test(t)) return null;
  if (BOOL.test(t)) return c === 116 || c === 84;
  if (INT_OCT.test(t)) return parseInt(t.substring(2), 8);
  if (INT.test(t)) return parseInt(t, 10);
  if (INT_HEX.test(t)) return parseInt(t.substring(2), 16);
  if (FLOAT_NAN.test(t)) return t.slice(-3).toLowerCase() === 'nan' ? NaN : t[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(t) || FLOAT.test(t)) return parseFloat(t);
  return t;
}

class Reader {
  pos = 0;
  line = 1;
  lineStart = 0;

  constructor(private readonly s: string) {}

  /** The node of the value just read (its data is what the reading method returned). */
  node: PosNode = posNode(1, 1);

  private here(): PosNode {
    return posNode(this.line, this.pos - this.lineStart + 1);
  }

  private newline(at: number): void {
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
  private marker(p: number): boolean {
    const s = this.s;
    const c = s.charCodeAt(p);
    return (c === DASH || c === 46) && s.charCodeAt(p + 1) === c && s.charCodeAt(p + 2) === c;
  }

  /** After a value: only spaces and a comment may follow on the line; moves to the next line. */
  private endLine(): void {
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

  /** A sequence item is its own key. */
  private item(node: PosNode): PosNode {
    node.kline = node.line;
    node.kcol = node.col;
    return node;
  }

  private isSeqEntry(): boolean {
    const s = this.s;
    if (s.charCodeAt(this.pos) !== DASH) return false;
    const n = s.charCodeAt(this.pos + 1);
    return n === SP || n === LF || this.pos + 1 >= s.length;
  }

  document(): PlainYaml {
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
    return { data, root: this.node };
  }

  /** A block mapping whose keys are at `indent`; pos is at its first key. */
  private blockMap(indent: number): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    const node = this.here();
    const names: string[] = [];
    const children: PosNode[] = [];
    node.names = names;
    node.children = children;
    for (;;) {
      const kline = this.line;
      const kcol = this.pos - this.lineStart + 1;
      const key = this.blockKey();
      if (key === '__proto__' || key === '<<' || Object.hasOwn(data, key)) throw DECLINE;
      data[key] = this.blockValue(indent);
      const child = this.node;
      child.kline = kline;
      child.kcol = kcol;
      names.push(key);
      children.push(child);
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
    const c = s.charCodeAt(start);
    let key: string;
    if (c === SQUOTE || c === DQUOTE) {
      key = c === SQUOTE ? this.singleQuoted() : this.doubleQuoted();
      if (s.charCodeAt(this.pos) !== COLON) throw DECLINE;
    } else {
      if (badPlainStart(c)) throw DECLINE;
      let p = start;
      for (;;) {
        const ch = s.charCodeAt(p);
        if (ch === COLON) {
          const n = s.charCodeAt(p + 1);
          if (n === SP || n === LF || p + 1 >= s.length) break;
        } else if (ch === LF || ch === TAB || p >= s.length) {
          throw DECLINE;
        } else if (ch === HASH && s.charCodeAt(p - 1) === SP) {
          throw DECLINE;
        }
        p++;
      }
      let end = p;
      while (s.charCodeAt(end - 1) === SP) end--;
      key = s.slice(start, end);
      if (key.includes(':') || typeof resolvePlain(key) !== 'string') throw DECLINE;
      this.pos = p;
    }
    if (this.pos - start > 1000) throw DECLINE;
    this.pos++;
    const n = s.charCodeAt(this.pos);
    if (n !== SP && n !== LF && this.pos < s.length) throw DECLINE;
    return key;
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
    const items: PosNode[] = [];
    const node = this.here();
    node.children = items;
    for (;;) {
      this.pos++;
      if (s.charCodeAt(this.pos) !== SP) throw DECLINE;
      while (s.charCodeAt(this.pos) === SP) this.pos++;
      const c = s.charCodeAt(this.pos);
      if (this.pos >= s.length || c === LF || c === HASH || this.isSeqEntry()) throw DECLINE;
      data.push(this.inlineValue(indent));
      items.push(this.item(this.node));
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
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    let data: unknown;
    if (c === LBRACE || c === LBRACKET) {
      data = this.flow(false);
    } else {
      const node = this.here();
      if (c === SQUOTE) data = this.singleQuoted();
      else if (c === DQUOTE) data = this.doubleQuoted();
      else data = this.blockPlain();
      this.node = node;
    }
    this.endLine();
    if (this.toContent() > indent) throw DECLINE;
    return data;
  }

  /** A plain scalar in block context, up to a comment or the end of the line. */
  private blockPlain(): unknown {
    const s = this.s;
    const start = this.pos;
    const c = s.charCodeAt(start);
    if (badPlainStart(c) && !(c === DASH && !this.blockBreak(s.charCodeAt(start + 1)))) throw DECLINE;
    let p = start;
    for (;;) {
      if (p >= s.length) break;
      const ch = s.charCodeAt(p);
      if (ch === LF) break;
      if (ch === TAB) throw DECLINE;
      if (ch === HASH && s.charCodeAt(p - 1) === SP) break;
      if (ch === COLON) {
        const n = s.charCodeAt(p + 1);
        if (n === SP || n === LF || p + 1 >= s.length) throw DECLINE;
      }
      p++;
    }
    let end = p;
    while (s.charCodeAt(end - 1) === SP) end--;
    this.pos = end;
    return resolvePlain(s.slice(start, end));
  }

  private blockBreak(c: number): boolean {
    return c === SP || c === LF || c === TAB || Number.isNaN(c);
  }

  private singleQuoted(): string {
    const s = this.s;
    let eol = s.indexOf('\n', this.pos);
    if (eol === -1) eol = s.length;
    let p = this.pos + 1;
    let out = '';
    for (;;) {
      const q = s.indexOf("'", p);
      if (q === -1 || q > eol) throw DECLINE;
      out += s.slice(p, q);
      if (s.charCodeAt(q + 1) === SQUOTE) {
        out += "'";
        p = q + 2;
        continue;
      }
      this.pos = q + 1;
      return out;
    }
  }

  private doubleQuoted(): string {
    const s = this.s;
    let p = this.pos + 1;
    let from = p;
    let out = '';
    for (;;) {
      if (p >= s.length) throw DECLINE;
      const ch = s.charCodeAt(p);
      if (ch === DQUOTE) {
        out += s.slice(from, p);
        this.pos = p + 1;
        return out;
      }
      if (ch === LF) throw DECLINE;
      if (ch === BACKSLASH) {
        out += s.slice(from, p);
        const next = s[p + 1];
        if (next === undefined || next === '\n') throw DECLINE;
        const simple = ESCAPES[next];
        if (simple !== undefined) {
          out += simple;
          p += 2;
        } else if (next === 'x' || next === 'u' || next === 'U') {
          const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
          const hex = s.substr(p + 2, length);
          if (hex.length !== length || !/^[0-9a-fA-F]+$/.test(hex)) throw DECLINE;
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) throw DECLINE;
          out += String.fromCodePoint(code);
          p += 2 + length;
        } else {
          throw DECLINE;
        }
        from = p;
        continue;
      }
      p++;
    }
  }

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
  private flow(multiLine: boolean): unknown {
    const s = this.s;
    const node = this.here();
    const seq = s.charCodeAt(this.pos) === LBRACKET;
    const close = seq ? RBRACKET : RBRACE;
    this.pos++;
    const seqData: unknown[] = [];
    const mapData: Record<string, unknown> = {};
    const names: string[] = [];
    const children: PosNode[] = [];
    node.children = children;
    if (!seq) node.names = names;
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
        children.push(this.item(this.node));
      } else {
        const kline = this.line;
        const kcol = this.pos - this.lineStart + 1;
        const key = this.flowKey();
        if (key === '__proto__' || key === '<<' || Object.hasOwn(mapData, key)) throw DECLINE;
        this.skipFlowSpace(multiLine);
        mapData[key] = this.flowValue(multiLine);
        const child = this.node;
        child.kline = kline;
        child.kcol = kcol;
        names.push(key);
        children.push(child);
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
    const s = this.s;
    const start = this.pos;
    const c = s.charCodeAt(start);
    if (c === SQUOTE || c === DQUOTE) {
      const key = c === SQUOTE ? this.singleQuoted() : this.doubleQuoted();
      if (s.charCodeAt(this.pos) !== COLON) throw DECLINE;
      this.pos++;
      return key;
    }
    if (badPlainStart(c)) throw DECLINE;
    let p = start;
    for (;;) {
      const ch = s.charCodeAt(p);
      if (p >= s.length || ch === LF || ch === TAB || isFlowIndicator(ch)) throw DECLINE;
      if (ch === HASH && s.charCodeAt(p - 1) === SP) throw DECLINE;
      if (ch === COLON && s.charCodeAt(p + 1) === SP) break;
      p++;
    }
    let end = p;
    while (s.charCodeAt(end - 1) === SP) end--;
    const key = s.slice(start, end);
    if (key.includes(':') || typeof resolvePlain(key) !== 'string') throw DECLINE;
    this.pos = p + 1;
    return key;
  }

  /** A value inside a flow collection. */
  private flowValue(multiLine: boolean): unknown {
    const s = this.s;
    const c = s.charCodeAt(this.pos);
    if (c === LBRACE || c === LBRACKET) return this.flow(multiLine);
    const node = this.here();
    this.node = node;
    if (c === SQUOTE) return this.singleQuoted();
    if (c === DQUOTE) return this.doubleQuoted();
    if (badPlainStart(c) && !(c === DASH && !this.flowBreak(s.charCodeAt(this.pos + 1)))) throw DECLINE;
    const start = this.pos;
    let p = start;
    for (;;) {
      const ch = s.charCodeAt(p);
      if (p >= s.length || ch === LF || isFlowIndicator(ch)) break;
      if (ch === TAB) throw DECLINE;
      if (ch === HASH && s.charCodeAt(p - 1) === SP) break;
      if (ch === COLON && (this.flowBreak(s.charCodeAt(p + 1)) || p + 1 >= s.length)) throw DECLINE;
      p++;
    }
    let end = p;
    while (s.charCodeAt(end - 1) === SP) end--;
    this.pos = end;
    return resolvePlain(s.slice(start, end));
  }

  private flowBreak(c: number): boolean {
    return c === SP || c === LF || c === TAB || Number.isNaN(c) || isFlowIndicator(c);
  }
}

/** The data and positions of `text`, or null when it is outside the subset this reader takes. */
export function readPlainYaml(text: string): PlainYaml | null {
  if (UNUSUAL.test(text)) return null;
  try {
    return new Reader(text).document();
  } catch (e) {
    if (e === DECLINE) return null;
    throw e;
  }
}
