import { inlineCommentStart, isFullLineComment } from './comment.js';
import { columnAt, pyFirstNonSpace, pyLower, pyRepr as reprOf, pyRstrip, pyStrip } from './python.js';
import type {
  IniComment,
  IniDocument,
  IniEntry,
  IniError,
  IniPos,
  IniSectionBlock,
  IniValueLine,
} from './types.js';

export const DEFAULT_SECTION = 'DEFAULT';

/** Python's universal newlines: `\r\n`, `\r` and `\n` all end a line; nothing else does. */
export function splitLines(text: string): { lines: string[]; eols: string[] } {
  const lines: string[] = [];
  const eols: string[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push(text.slice(start, m.index));
    eols.push(m[0]);
    start = m.index + m[0].length;
  }
  if (start < text.length) {
    lines.push(text.slice(start));
    eols.push('');
  }
  return { lines, eols };
}

/** configparser's SECTCRE `\[(?P<header>.+)\]` matched at the start: greedy to the last `]`. */
export function matchHeader(value: string): { name: string; close: number } | null {
  if (value[0] !== '[') return null;
  const close = value.lastIndexOf(']');
  if (close < 2) return null;
  return { name: value.slice(1, close), close };
}

const KEY_LIKE = /^[A-Za-z_][A-Za-z0-9_.-]*[ \t]*[=:]/;

function classifyContinuation(text: string): 'key' | 'header' | undefined {
  if (matchHeader(text)) return 'header';
  if (KEY_LIKE.test(text)) return 'key';
  return undefined;
}

/** Where configparser cuts `line` for comments: 0 for a whole-line comment, else the inline comment's start, or -1. */
export function commentCut(line: string): number {
  return isFullLineComment(line) ? 0 : inlineCommentStart(line);
}

/** Where the key of an option line ends (its first `=` or `:`), or -1. */
export function firstDelimiter(value: string): number {
  const eq = value.indexOf('=');
  const colon = value.indexOf(':');
  if (eq < 0) return colon;
  if (colon < 0) return eq;
  return Math.min(eq, colon);
}

/** Where the value of an option line starts: after the delimiter and the whitespace behind it. */
export function valueStart(value: string, delim: number): number {
  const skip = pyFirstNonSpace(value.slice(delim + 1));
  return skip < 0 ? value.length : delim + 1 + skip;
}

/**
 * Reads one file exactly as configparser 3.11's `_read` does (reference §1.2). Never throws: a
 * missing section header stops the read (as it stops supervisord), other bad lines are collected.
 */
const SURROGATE = /[\ud800-\udfff]/;

/** columnAt, with the index + 1 straight away for a line without surrogates (most lines). */
function colOf(line: string, simple: boolean, index: number): number {
  return simple ? (index < line.length ? index : line.length) + 1 : columnAt(line, index);
}

/**
 * An entry whose three positions are built on first read: most are never asked for, and a large
 * file otherwise spends its garbage collection on them. Once built, each is the same object.
 */
class ReadEntry implements IniEntry {
  file: string;
  section: string;
  key: string;
  rawKey: string;
  delimiter: '=' | ':';
  readValue: string;
  value: string;
  endLine: number;
  fromDefault: boolean;
  declare hereDir?: string;
  private _lines: IniValueLine[] | undefined;
  private _first: string;
  private _line: number;
  private _kc: number;
  private _dc: number;
  private _vc: number;
  private _kp: IniPos | undefined;
  private _dp: IniPos | undefined;
  private _vp: IniPos | undefined;

  constructor(
    file: string,
    section: string,
    key: string,
    rawKey: string,
    delimiter: '=' | ':',
    line: number,
    keyCol: number,
    delimCol: number,
    valCol: number,
    first: string,
    fromDefault: boolean,
  ) {
    this.file = file;
    this.section = section;
    this.key = key;
    this.rawKey = rawKey;
    this.delimiter = delimiter;
    this._lines = undefined;
    this._first = first;
    this.readValue = '';
    this.value = '';
    this.endLine = line;
    this.fromDefault = fromDefault;
    this._line = line;
    this._kc = keyCol;
    this._dc = delimCol;
    this._vc = valCol;
    this._kp = undefined;
    this._dp = undefined;
    this._vp = undefined;
  }

  /** Built on first read: most values are one line, and nothing but the reader asks for it. */
  get lines(): IniValueLine[] {
    return (this._lines ??= [{ line: this._line, column: this._vc, text: this._first, continuation: false }]);
  }

  /** configparser's value and the entry's last line, once every line is read. */
  finish(): void {
    const lines = this._lines;
    if (!lines) {
      this.readValue = pyRstrip(this._first);
    } else {
      this.readValue = pyRstrip(lines.length === 1 ? lines[0]!.text : lines.map((l) => l.text).join('\n'));
      for (const l of lines) if (l.text !== '') this.endLine = l.line;
    }
    this.value = this.readValue;
  }

  get keyPos(): IniPos {
    return (this._kp ??= { line: this._line, column: this._kc });
  }
  get delimiterPos(): IniPos {
    return (this._dp ??= { line: this._line, column: this._dc });
  }
  get valuePos(): IniPos {
    return (this._vp ??= { line: this._line, column: this._vc });
  }
}

/** `{ ...entry, value, hereDir }` that keeps an entry's lazy positions (a spread would drop them). */
export function entryWithValue(entry: IniEntry, value: string, hereDir: string): IniEntry {
  // read first so the copy shares them, as a spread would
  void entry.lines;
  void entry.keyPos;
  void entry.delimiterPos;
  void entry.valuePos;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(entry) as object) as IniEntry, entry);
  copy.value = value;
  copy.hereDir = hereDir;
  return copy;
}

export function readIni(text: string, file: string): IniDocument {
  const { lines, eols } = splitLines(text);
  const doc: IniDocument = {
    file,
    lines,
    eols,
    hasBom: text.startsWith('\ufeff'),
    sections: [],
    entries: [],
    comments: [],
    swallowed: [],
    errors: [],
  };

  let block: IniSectionBlock | null = null;
  // configparser's `optname`: continuation and blank lines go to it while it is a non-empty key
  let current: ReadEntry | null = null;
  let indentLevel = 0;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    // without surrogates a column is the index + 1 (columnAt counts one char at a time)
    const simple = !SURROGATE.test(line);
    const cut = commentCut(line);
    const value = pyStrip(cut >= 0 ? line.slice(0, cut) : line);

    if (!value) {
      if (cut >= 0) {
        const at = pyFirstNonSpace(line);
        doc.comments.push({ line: lineNo, column: colOf(line, simple, at), text: pyRstrip(line.slice(at)), kind: 'full' });
      } else if (block && current && current.key !== '') {
        current.lines.push({ line: lineNo, column: 1, text: '', continuation: true });
      }
      continue;
    }
    if (cut >= 0) {
      const comment: IniComment = { line: lineNo, column: colOf(line, simple, cut), text: line.slice(cut), kind: 'inline' };
      doc.comments.push(comment);
    }

    const lead = pyFirstNonSpace(line);
    if (block && current && current.key !== '' && lead > indentLevel) {
      const vl: IniValueLine = { line: lineNo, column: colOf(line, simple, lead), text: value, continuation: true };
      const looks = classifyContinuation(value);
      if (looks) {
        vl.looksLike = looks;
        doc.swallowed.push({ ...vl, entry: current });
      }
      current.lines.push(vl);
      continue;
    }

    indentLevel = lead;
    const header = matchHeader(value);
    if (header) {
      block = {
        file,
        name: header.name,
        pos: { line: lineNo, column: colOf(line, simple, lead) },
        closePos: { line: lineNo, column: colOf(line, simple, lead + header.close) },
        isDefault: header.name === DEFAULT_SECTION,
        entries: [],
      };
      const rest = value.slice(header.close + 1);
      if (rest) {
        const skip = pyFirstNonSpace(rest);
        block.junk = { pos: { line: lineNo, column: colOf(line, simple, lead + header.close + 1 + skip) }, text: rest.slice(skip) };
      }
      doc.sections.push(block);
      current = null;
      continue;
    }
    if (!block) {
      doc.errors.push({ kind: 'no-section-header', file, line: lineNo, column: colOf(line, simple, lead), raw: line + (eols[i] ? '\n' : '') });
      break;
    }
    const delim = firstDelimiter(value);
    if (delim < 0) {
      // configparser keeps `optname` here: indented lines below still continue the option above
      doc.errors.push({ kind: 'no-delimiter', file, line: lineNo, column: colOf(line, simple, lead), raw: line + (eols[i] ? '\n' : '') });
      continue;
    }
    const rawKey = pyRstrip(value.slice(0, delim));
    if (rawKey === '') {
      doc.errors.push({ kind: 'empty-key', file, line: lineNo, column: colOf(line, simple, lead), raw: line + (eols[i] ? '\n' : '') });
    }
    const valStart = valueStart(value, delim);
    const first = value.slice(valStart);
    const keyCol = colOf(line, simple, lead);
    const valCol = colOf(line, simple, lead + valStart);
    const entry = new ReadEntry(
      file,
      block.name,
      pyLower(rawKey),
      rawKey,
      value[delim] as '=' | ':',
      lineNo,
      keyCol,
      colOf(line, simple, lead + delim),
      valCol,
      first,
      block.isDefault,
    );
    block.entries.push(entry);
    doc.entries.push(entry);
    current = entry;
  }

  for (const entry of doc.entries) (entry as ReadEntry).finish();
  return doc;
}

/** `ParsingError` or `MissingSectionHeaderError` as supervisord prints it after `Error: `. */
export function iniErrorText(doc: Pick<IniDocument, 'file' | 'errors'>, source: string = doc.file): string | null {
  if (doc.errors.length === 0) return null;
  const first = doc.errors[0]!;
  if (first.kind === 'no-section-header') return missingSectionHeaderText(source, first);
  return parsingErrorsText(source, doc.errors);
}

export function missingSectionHeaderText(source: string, error: Pick<IniError, 'line' | 'raw'>): string {
  return `File contains no section headers.\nfile: ${reprOf(source)}, line: ${error.line}\n${reprOf(error.raw)}`;
}

export function parsingErrorsText(source: string, errors: ReadonlyArray<Pick<IniError, 'line' | 'raw'>>): string {
  let text = `Source contains parsing errors: ${reprOf(source)}`;
  for (const e of errors) text += `\n\t[line ${String(e.line).padStart(2, ' ')}]: ${reprOf(e.raw)}`;
  return text;
}
