/**
 * The objects `readIni` returns. A read keeps the text and, per entry and header, a few numbers
 * (line, column, offset); positions, value lines and the document's `lines`/`eols` are made
 * when first asked for. Many are never asked for, and the documents live for the whole run, so
 * every object made per line is garbage collection work.
 */
import { columnIn, pyIsSpaceCode } from './python.js';
import type { IniDocument, IniEntry, IniError, IniComment, IniPos, IniSectionBlock, IniValueLine } from './types.js';

/** Python's universal newlines: `\r\n`, `\r` and `\n` all end a line; nothing else does. */
export function splitLines(text: string): { lines: string[]; eols: string[] } {
  if (text.indexOf('\r') < 0) {
    // only `\n`: the native split, then every ending is `\n` but maybe the last line's
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') {
      lines.pop();
      return { lines, eols: new Array<string>(lines.length).fill('\n') };
    }
    const eols = new Array<string>(lines.length).fill('\n');
    eols[eols.length - 1] = '';
    return { lines, eols };
  }
  const lines: string[] = [];
  const eols: string[] = [];
  const n = text.length;
  let nl = -1;
  let cr = -1;
  for (let start = 0; start < n; ) {
    if (nl < start) nl = indexOrEnd(text, '\n', start);
    if (cr < start) cr = indexOrEnd(text, '\r', start);
    const end = cr < nl ? cr : nl;
    lines.push(text.slice(start, end));
    if (end === n) {
      eols.push('');
      break;
    }
    if (end === cr && text.charCodeAt(end + 1) === 10) {
      eols.push('\r\n');
      start = end + 2;
    } else {
      eols.push(end === cr ? '\r' : '\n');
      start = end + 1;
    }
  }
  return { lines, eols };
}

/** `text.indexOf(ch, from)`, with the text's length for "none" so that comparisons stay simple. */
export function indexOrEnd(text: string, ch: string, from: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 ? text.length : i;
}

const SURROGATE = /[\ud800-\udfff]/;

/** Offset where the line holding offset `at` starts. */
function lineStartOf(text: string, at: number): number {
  let i = at;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

// Fields are `declare`d and set in the constructors: a class field initialiser is one more call
// per object, which a cold read of thousands of entries pays in full.

export class ReadDocument implements IniDocument {
  declare readonly file: string;
  declare readonly text: string;
  declare readonly hasBom: boolean;
  declare readonly sections: ReadBlock[];
  declare readonly entries: ReadEntry[];
  declare readonly comments: IniComment[];
  declare readonly swallowed: Array<IniValueLine & { entry: IniEntry }>;
  declare readonly errors: IniError[];
  private declare _split: { lines: string[]; eols: string[] } | undefined;
  /** @internal no surrogates in the text: a column is the offset in the line + 1 */
  declare readonly _plain: boolean;

  constructor(text: string, file: string) {
    this.file = file;
    this.text = text;
    this.hasBom = text.charCodeAt(0) === 0xfeff;
    this.sections = [];
    this.entries = [];
    this.comments = [];
    this.swallowed = [];
    this.errors = [];
    this._split = undefined;
    this._plain = !SURROGATE.test(text);
  }

  /** @internal Column of offset `at` in the line starting at offset `lineStart`. */
  _columnAt(lineStart: number, at: number): number {
    return this._plain ? at - lineStart + 1 : columnIn(this.text, lineStart, at);
  }
  /** @internal */
  _posAt(line: number, lineStart: number, at: number): IniPos {
    return { line, column: this._columnAt(lineStart, at) };
  }

  get lines(): string[] {
    return (this._split ??= splitLines(this.text)).lines;
  }
  get eols(): string[] {
    return (this._split ??= splitLines(this.text)).eols;
  }
}

export class ReadBlock implements IniSectionBlock {
  declare readonly file: string;
  declare readonly name: string;
  declare readonly isDefault: boolean;
  /** Set when the block ends, as one exact-size copy of the document's run of entries. */
  declare entries: ReadEntry[];
  declare junk?: { pos: IniPos; text: string };
  /** @internal */
  declare readonly _doc: ReadDocument;
  private declare readonly _line: number;
  /** columns of the `[` and of the `]` that ends the name */
  private declare readonly _column: number;
  private declare readonly _closeColumn: number;
  private declare _pos: IniPos | undefined;
  private declare _closePos: IniPos | undefined;
  /** @internal index in the document's entries of this block's first entry */
  declare readonly _from: number;

  constructor(doc: ReadDocument, name: string, isDefault: boolean, line: number, column: number, closeColumn: number, from: number) {
    this.file = doc.file;
    this.name = name;
    this.isDefault = isDefault;
    this.entries = NO_ENTRIES;
    this._doc = doc;
    this._line = line;
    this._column = column;
    this._closeColumn = closeColumn;
    this._pos = undefined;
    this._closePos = undefined;
    this._from = from;
  }

  get pos(): IniPos {
    return (this._pos ??= { line: this._line, column: this._column });
  }
  get closePos(): IniPos {
    return (this._closePos ??= { line: this._line, column: this._closeColumn });
  }
}

/** Placeholder of a block's entries until the block ends (the reader always replaces it). */
const NO_ENTRIES: ReadEntry[] = [];

/**
 * One `key=value`, kept small: 10 fields. `file`, `section` and `fromDefault` are its block's;
 * `lines` and the positions are made on first read and then stay the same objects.
 */
export class ReadEntry implements IniEntry {
  declare key: string;
  declare rawKey: string;
  declare readValue: string;
  declare value: string;
  declare hereDir?: string;
  /** @internal */
  declare readonly _block: ReadBlock;
  private declare readonly _line: number;
  /** offset in the text of the value's first character (for an empty value: just after the delimiter) */
  private declare readonly _valueAt: number;
  /** column of the value: `valuePos` and the first value line are asked for most entries */
  private declare readonly _column: number;
  /**
   * The value lines once made (a continuation makes them at once). Before, the number of blank
   * lines right below the first line that configparser appended to the value (as `''`): a run of
   * them is one count instead of one object each.
   */
  private declare _lines: IniValueLine[] | number;
  /** `valuePos` (asked for far more often), or `[valuePos, keyPos, delimiterPos]` */
  private declare _pos: IniPos | IniPos[] | undefined;

  constructor(block: ReadBlock, key: string, rawKey: string, value: string, line: number, valueAt: number, column: number) {
    this.key = key;
    this.rawKey = rawKey;
    this.readValue = value;
    this.value = value;
    this._block = block;
    this._line = line;
    this._valueAt = valueAt;
    this._column = column;
    this._lines = 0;
    this._pos = undefined;
  }

  get file(): string {
    return this._block.file;
  }
  get section(): string {
    return this._block.name;
  }
  get fromDefault(): boolean {
    return this._block.isDefault;
  }
  get delimiter(): '=' | ':' {
    return this._block._doc.text[this.keyOffsets()[1]] as '=' | ':';
  }

  /** Offsets of the key (the line's first non-space) and of the delimiter (the first `=` or `:` from there). */
  private keyOffsets(): [number, number] {
    const text = this._block._doc.text;
    let key = lineStartOf(text, this._valueAt);
    while (pyIsSpaceCode(text.charCodeAt(key))) key++;
    let delim = key;
    for (let c = text.charCodeAt(delim); c !== 0x3d && c !== 0x3a; c = text.charCodeAt(++delim));
    return [key, delim];
  }

  get valuePos(): IniPos {
    const pos = this._pos;
    if (pos === undefined) return (this._pos = { line: this._line, column: this._column });
    return Array.isArray(pos) ? pos[0]! : pos;
  }
  private keyPositions(): IniPos[] {
    let pos = this._pos;
    if (!Array.isArray(pos)) {
      const [key, delim] = this.keyOffsets();
      pos = this._pos = [pos ?? { line: this._line, column: this._column }, this.posOf(key), this.posOf(delim)];
    }
    return pos;
  }
  get keyPos(): IniPos {
    return this.keyPositions()[1]!;
  }
  get delimiterPos(): IniPos {
    return this.keyPositions()[2]!;
  }
  private posOf(at: number): IniPos {
    const doc = this._block._doc;
    return doc._posAt(this._line, lineStartOf(doc.text, this._valueAt), at);
  }

  /** First line then every continuation line, blank lines inside the value included. */
  get lines(): IniValueLine[] {
    const made = this._lines;
    if (typeof made !== 'number') return made;
    // not made yet: nothing was joined, so `readValue` is the first line's text
    const first: IniValueLine = { line: this._line, column: this._column, text: this.readValue, continuation: false };
    if (made === 0) return (this._lines = [first]);
    const lines = new Array<IniValueLine>(made + 1);
    lines[0] = first;
    for (let i = 1; i <= made; i++) lines[i] = { line: this._line + i, column: 1, text: '', continuation: true };
    return (this._lines = lines);
  }

  get endLine(): number {
    let end = this._line;
    if (typeof this._lines !== 'number') for (const l of this._lines) if (l.text !== '') end = l.line;
    return end;
  }

  /** @internal `entryWithValue` of a read entry. */
  _withValue(value: string, hereDir: string): ReadEntry {
    const copy = new ReadEntry(this._block, this.key, this.rawKey, this.readValue, this._line, this._valueAt, this._column);
    copy.value = value;
    copy._lines = this._lines;
    copy._pos = this._pos;
    copy.hereDir = hereDir;
    return copy;
  }

  /** @internal configparser appended `''` for the blank line `line` (no comment on it). */
  _blankLine(line: number): void {
    const made = this._lines;
    if (typeof made === 'number' && line === this._line + made + 1) this._lines = made + 1;
    else this.lines.push({ line, column: 1, text: '', continuation: true });
  }
}

/** `{ ...entry, value, hereDir }` that keeps an entry's lazy getters (a spread would drop them). */
export function entryWithValue(entry: IniEntry, value: string, hereDir: string): IniEntry {
  if (entry instanceof ReadEntry) return entry._withValue(value, hereDir);
  const copy = Object.assign(Object.create(Object.getPrototypeOf(entry) as object) as IniEntry, entry);
  copy.value = value;
  copy.hereDir = hereDir;
  return copy;
}
