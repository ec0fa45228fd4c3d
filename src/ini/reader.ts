import { inlineCommentStart, isFullLineComment } from './comment.js';
import { columnIn, pyFirstNonSpace, pyIsSpaceCode, pyLower, pyRepr as reprOf, pyRstrip } from './python.js';
import { indexOrEnd, ReadBlock, ReadDocument, ReadEntry } from './read-document.js';
import type { IniDocument, IniError, IniValueLine } from './types.js';

export { splitLines, entryWithValue } from './read-document.js';

export const DEFAULT_SECTION = 'DEFAULT';

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

interface KeyNames {
  rawKey: string;
  key: string;
}

/**
 * One string per distinct short value (`true`, `3600`...): below 13 characters a slice is a copy,
 * and a big file repeats a few of them thousands of times. Longer slices only point into the text.
 */
function shortValue(values: Map<string, string>, value: string): string {
  if (value.length < 2 || value.length > 12) return value;
  const known = values.get(value);
  if (known !== undefined) return known;
  values.set(value, value);
  return value;
}

/** One `{rawKey, key}` per distinct key text: entries share them (the slice for the look-up dies young). */
function keyNames(keys: Map<string, KeyNames>, rawKey: string): KeyNames {
  let names = keys.get(rawKey);
  if (names === undefined) {
    names = { rawKey, key: pyLower(rawKey) };
    keys.set(rawKey, names);
  }
  return names;
}

/**
 * Reads one file exactly as configparser 3.11's `_read` does (reference §1.2). Never throws: a
 * missing section header stops the read (as it stops supervisord), other bad lines are collected.
 *
 * It walks the text by offsets, making no line strings: a big file is read almost entirely by
 * code that is not optimised yet, where every call and every object counts. Each of `\n`, `\r`,
 * `;`, `#`, `=`, `:` is searched once per occurrence in the file (the next one is kept until
 * passed), and the rare lines (comments, continuations, headers, errors) are handled in functions
 * of their own.
 */
export function readIni(text: string, file: string): IniDocument {
  const doc = new ReadDocument(text, file);
  const n = text.length;
  const keys = new Map<string, KeyNames>();
  const values = new Map<string, string>();
  let nl = -1;
  let cr = -1;
  let semi = -1;
  let hash = -1;
  let eq = -1;
  let colon = -1;
  let block: ReadBlock | null = null;
  // configparser's `optname` while it is a non-empty key: continuation and blank lines go to it
  let current: ReadEntry | null = null;
  let continued: ReadEntry[] | null = null;
  let indentLevel = 0;
  let lineNo = 0;

  for (let start = 0; start < n; ) {
    lineNo++;
    if (nl < start) nl = indexOrEnd(text, '\n', start);
    if (cr < start) cr = indexOrEnd(text, '\r', start);
    const end = cr < nl ? cr : nl;
    const lineStart = start;
    start = end === n ? n : end === cr && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;

    // `c > 0x20 && c < 0x85` settles most characters without calling pyIsSpaceCode
    let first = lineStart;
    for (; first < end; first++) {
      const c = text.charCodeAt(first);
      if ((c > 0x20 && c < 0x85) || !pyIsSpaceCode(c)) break;
    }
    if (first === end) {
      current?._blankLine(lineNo);
      continue;
    }
    const c0 = text.charCodeAt(first);
    if (c0 === 0x23 || c0 === 0x3b) {
      fullLineComment(doc, lineNo, lineStart, first, end);
      continue;
    }
    if (semi < lineStart) semi = indexOrEnd(text, ';', lineStart);
    if (hash < lineStart) hash = indexOrEnd(text, '#', lineStart);
    // the value is text[first, last): the line before any comment, stripped (never empty here)
    let last = semi < end || hash < end ? cutInlineComment(doc, lineNo, lineStart, end) : end;
    for (let c = text.charCodeAt(last - 1); (c <= 0x20 || c >= 0x85) && pyIsSpaceCode(c); c = text.charCodeAt(--last - 1));

    const lead = first - lineStart;
    if (current && lead > indentLevel) {
      continued = continuation(doc, current, continued, lineNo, lineStart, first, last);
      continue;
    }
    indentLevel = lead;
    if (c0 === 0x5b) {
      const opened = header(doc, block, lineNo, lineStart, first, last);
      if (opened) {
        block = opened;
        current = null;
        continue;
      }
    }
    if (!block) {
      doc.errors.push(lineError('no-section-header', doc, lineNo, lineStart, first, end));
      break;
    }
    if (eq < first) eq = indexOrEnd(text, '=', first);
    if (colon < first) colon = indexOrEnd(text, ':', first);
    const delim = eq < colon ? eq : colon;
    if (delim >= last) {
      // configparser keeps `optname` here: indented lines below still continue the option above
      doc.errors.push(lineError('no-delimiter', doc, lineNo, lineStart, first, end));
      continue;
    }
    let keyEnd = delim;
    for (let c = text.charCodeAt(keyEnd - 1); keyEnd > first && (c <= 0x20 || c >= 0x85) && pyIsSpaceCode(c); c = text.charCodeAt(--keyEnd - 1));
    if (keyEnd === first) doc.errors.push(lineError('empty-key', doc, lineNo, lineStart, first, end));
    const names = keyNames(keys, text.slice(first, keyEnd));
    let value = delim + 1;
    for (let c = text.charCodeAt(value); value < last && (c <= 0x20 || c >= 0x85) && pyIsSpaceCode(c); c = text.charCodeAt(++value));
    const entry = new ReadEntry(block, names.key, names.rawKey, shortValue(values, text.slice(value, last)), lineNo, value, doc._columnAt(lineStart, value));
    doc.entries.push(entry);
    current = names.key !== '' ? entry : null;
  }

  if (block) endBlock(doc, block);
  // configparser's value of a continued option: its lines joined with `\n`, right-stripped
  if (continued) {
    for (const entry of continued) entry.readValue = entry.value = pyRstrip(entry.lines.map((l) => l.text).join('\n'));
  }
  return doc;
}

/** `#` or `;` first: configparser skips the whole line (its full-line comment prefixes). */
function fullLineComment(doc: ReadDocument, line: number, lineStart: number, first: number, end: number): void {
  doc.comments.push({ line, column: columnIn(doc.text, lineStart, first), text: rstripped(doc.text, first, end), kind: 'full' });
}

/** Where the line's value ends before an inline comment (recorded), else the line's end. */
function cutInlineComment(doc: ReadDocument, line: number, lineStart: number, end: number): number {
  const cut = inlineCommentStart(doc.text.slice(lineStart, end));
  if (cut < 0) return end;
  const at = lineStart + cut;
  doc.comments.push({ line, column: columnIn(doc.text, lineStart, at), text: doc.text.slice(at, end), kind: 'inline' });
  return at;
}

/** An indented line continues `current`'s value; returns the list of continued entries. */
function continuation(doc: ReadDocument, current: ReadEntry, continued: ReadEntry[] | null, line: number, lineStart: number, first: number, last: number): ReadEntry[] {
  const vl: IniValueLine = { line, column: columnIn(doc.text, lineStart, first), text: doc.text.slice(first, last), continuation: true };
  const looks = classifyContinuation(vl.text);
  if (looks) {
    vl.looksLike = looks;
    doc.swallowed.push({ ...vl, entry: current });
  }
  const list = continued ?? [];
  if (list[list.length - 1] !== current) list.push(current);
  current.lines.push(vl);
  return list;
}

/**
 * SECTCRE `\[(?P<header>.+)\]`: greedy to the last `]`, at least one character inside. Opens
 * and returns the new block (ending `block`), or null when the line is not a header.
 */
function header(doc: ReadDocument, block: ReadBlock | null, line: number, lineStart: number, first: number, last: number): ReadBlock | null {
  const text = doc.text;
  let close = last - 1;
  while (close >= first + 2 && text.charCodeAt(close) !== 0x5d) close--;
  if (close < first + 2) return null;
  if (block) endBlock(doc, block);
  const name = text.slice(first + 1, close);
  const opened = new ReadBlock(doc, name, name === DEFAULT_SECTION, line, doc._columnAt(lineStart, first), doc._columnAt(lineStart, close), doc.entries.length);
  if (close + 1 < last) {
    let junk = close + 1;
    while (pyIsSpaceCode(text.charCodeAt(junk))) junk++;
    opened.junk = { pos: { line, column: columnIn(text, lineStart, junk) }, text: text.slice(junk, last) };
  }
  doc.sections.push(opened);
  return opened;
}

/** A block's entries are the document's from its first one on: one exact-size copy at its end. */
function endBlock(doc: ReadDocument, block: ReadBlock): void {
  block.entries = doc.entries.slice(block._from);
}

/** `text.slice(from, to)` without the whitespace at its end. */
function rstripped(text: string, from: number, to: number): string {
  while (to > from && pyIsSpaceCode(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

function lineError(kind: IniError['kind'], doc: ReadDocument, line: number, lineStart: number, first: number, end: number): IniError {
  // the line as Python saw it: universal newlines turned its ending into `\n`
  const raw = doc.text.slice(lineStart, end) + (end < doc.text.length ? '\n' : '');
  return { kind, file: doc.file, line, column: columnIn(doc.text, lineStart, first), raw };
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
