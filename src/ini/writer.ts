import { inlineCommentStart } from './comment.js';
import { pyLower, pyRstrip, pyStrip } from './python.js';
import { commentCut, DEFAULT_SECTION, firstDelimiter, matchHeader, valueStart } from './reader.js';

export interface IniWriteEntry {
  key: string;
  value: string;
}

export interface IniWriteSection {
  name: string;
  /** Comment lines written just above the header, each as `; TEXT` (`;` when empty). */
  comment?: string[];
  entries: IniWriteEntry[];
}

export interface IniWriteDocument {
  /** Comment lines at the top of the file, each written as `; TEXT` (`;` when empty). */
  header?: string[];
  sections: IniWriteSection[];
}

function lineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

/** null if `[name]` reads back as exactly this section, else why not. */
export function checkSectionName(name: string): string | null {
  if (name === '') return 'a section name cannot be empty: `[]` is not a section header';
  if (lineBreak(name)) return 'a section name cannot contain a line break';
  if (name.includes(']')) return 'a section name cannot contain `]`';
  if (name === DEFAULT_SECTION) return '`[DEFAULT]` is not a section: its keys would be inherited by every section';
  if (inlineCommentStart(`[${name}]`) >= 0) {
    return 'a section name cannot contain `;` or `#` after whitespace: the rest of the line would be read as a comment';
  }
  return null;
}

/** null if `key=...` reads back with exactly this key, else why not. */
export function checkKey(key: string): string | null {
  if (key === '') return 'a key cannot be empty';
  if (lineBreak(key)) return 'a key cannot contain a line break';
  if (key.includes('=') || key.includes(':')) return 'a key cannot contain `=` or `:` (the first one ends the key)';
  if (pyStrip(key) !== key) return 'a key cannot start or end with whitespace';
  if (key.startsWith('[')) return 'a key cannot start with `[` (the line could be read as a section header)';
  if (key.startsWith(';') || key.startsWith('#')) return 'a key cannot start with `;` or `#` (the line would be a comment)';
  if (pyLower(key) !== key) return 'a key must be lowercase: supervisord lowercases keys when it reads them';
  if (inlineCommentStart(key) >= 0) {
    return 'a key cannot contain `;` or `#` after whitespace: the rest of the line would be read as a comment';
  }
  return null;
}

/** null if `key=value` reads back with exactly this value, else why not. */
export function checkValue(value: string): string | null {
  if (lineBreak(value)) return 'a value cannot contain a line break';
  if (pyStrip(value) !== value) return 'a value cannot start or end with whitespace: supervisord strips it';
  // (`k=` holds neither prefix, so a value without both cannot hold a comment)
  if ((value.includes(';') || value.includes('#')) && inlineCommentStart(`k=${value}`) >= 0) {
    return 'a value cannot contain `;` or `#` after whitespace: supervisord reads the rest of the line as a comment';
  }
  return null;
}

function checkComment(text: string): string | null {
  return lineBreak(text) ? 'a comment line cannot contain a line break' : null;
}

function refuse(reason: string, what: string): never {
  throw new Error(`${what}: ${reason}`);
}

function commentLine(text: string): string {
  return text === '' ? ';' : `; ${text}`;
}

/**
 * Writes `[name]` and `key=value` lines with `\n` endings and a blank line between sections.
 * Throws a plain Error for anything supervisord would read back differently (see the checks).
 */
export function writeIni(doc: IniWriteDocument): string {
  const out: string[] = [];
  for (const text of doc.header ?? []) {
    const bad = checkComment(text);
    if (bad !== null) refuse(bad, 'header comment');
    out.push(readsAsComment(commentLine(text)));
  }
  const seen = new Set<string>();
  // Keys repeat from section to section: each distinct one is checked once.
  const goodKeys = new Set<string>();
  // Lines that needed the reader's steps (see plainEntry) and read back: a repeat is proved.
  const provedLines = new Set<string>();
  const sections = doc.sections;
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    const name = section.name;
    const badName = checkSectionName(name);
    if (badName !== null) refuse(badName, `section [${name}]`);
    if (seen.has(name)) throw new Error(`section [${name}]: written twice (supervisord would merge them)`);
    seen.add(name);
    if (i > 0 || out.length > 0) out.push('');
    if (section.comment) {
      for (const text of section.comment) {
        const bad = checkComment(text);
        if (bad !== null) refuse(bad, `comment of [${name}]`);
        out.push(readsAsComment(commentLine(text)));
      }
    }
    // checkSectionName passing proves that `[name]` reads back as this header (see below).
    out.push(`[${name}]`);
    const entries = section.entries;
    // Sections hold a handful of keys: earlier ones are compared directly, a Set only for many.
    const keys = entries.length > 16 ? new Set<string>() : null;
    for (let j = 0; j < entries.length; j++) {
      const { key, value } = entries[j]!;
      if (!goodKeys.has(key)) {
        const bad = checkKey(key);
        if (bad !== null) refuse(bad, `[${name}] key ${JSON.stringify(key)}`);
        goodKeys.add(key);
      }
      const line = `${key}=${value}`;
      // The line as the reader takes it is the proof; checkValue only says why it fails. A key
      // holds no `=`, so the line alone determines key and value: a repeated one was proved.
      if (!plainEntry(value) && !provedLines.has(line)) {
        if (!readsAsEntry(line, key, value)) {
          const bad = checkValue(value);
          if (bad !== null) refuse(bad, `[${name}] ${key}`);
          unread(line);
        }
        provedLines.add(line);
      }
      if (keys) {
        if (keys.has(key)) duplicateKey(name, key);
        keys.add(key);
      } else {
        for (let k = 0; k < j; k++) if (entries[k]!.key === key) duplicateKey(name, key);
      }
      out.push(line);
    }
  }
  if (out.length === 0) return '';
  // The final line break as a last, empty line: one flat string, not a flat one plus a pair
  // that has to be flattened (copied) again when it is written out.
  out.push('');
  return out.join('\n');
}

/*
 * The checks above should make a mismatch unreachable; these guard the promise that nothing is
 * lost. Each written line goes through the reader's own per-line steps (comment cut, strip,
 * header match, delimiter, value start). That is the whole read: every line written starts in
 * column 1 (so none continues the line above), the only blank lines come between sections (a
 * blank continuation line adds nothing once the value is stripped), no line holds a line break
 * (so the text splits into exactly these lines), section names and keys are unique, and keys
 * are lowercase (the reader lowercases them).
 */

function duplicateKey(name: string, key: string): never {
  throw new Error(`[${name}] ${key}: written twice (the last one would win)`);
}

/** Printable ASCII other than space: never Python white space, never a line break. */
function solid(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

/**
 * `key=value`, with a key that passed checkKey, reads back as exactly that when the value holds
 * no line break, no `;` or `#` at its start or after white space, and both of its ends are
 * solid: no line break; no comment (the key starts with neither prefix and holds none after
 * white space, the `=` before the value is not white space, the value holds none); nothing
 * to strip (the key starts solid, the value ends solid); not a header (the key does not start
 * with `[`); the first delimiter is the `=` after the key (the key holds neither `=` nor `:`),
 * the key is lowercase with no white space at its end, and the value starts solid right after
 * the `=`. Anything else goes through the reader's own steps (readsAsEntry).
 */
function plainEntry(value: string): boolean {
  const n = value.length;
  if (n === 0 || !solid(value.charCodeAt(0)) || !solid(value.charCodeAt(n - 1))) return false;
  return !value.includes('\n') && !value.includes('\r') && inlineCommentStart(value) === -1;
}

function unread(line: string): never {
  throw new Error(`internal error: the INI line ${JSON.stringify(line)} would not read back as written`);
}

const LINE_BREAK = /[\r\n]/;

function readsAsComment(line: string): string {
  if (LINE_BREAK.test(line) || commentCut(line) !== 0) unread(line);
  return line;
}

/*
 * A header needs no read-back: checkSectionName passing proves `[name]` reads as this section.
 * The name is not empty and holds no `]` (so the last `]` is the closing one, at the end, and
 * the name between is exactly `name`), no line break, and no comment after white space in
 * `[name]`; the line starts with `[`, so it is not a whole-line comment and nothing strips off
 * either end; and it is not [DEFAULT].
 */

function readsAsEntry(line: string, key: string, value: string): boolean {
  if (LINE_BREAK.test(line) || commentCut(line) !== -1 || pyStrip(line) !== line || matchHeader(line)) return false;
  const delim = firstDelimiter(line);
  if (delim < 0) return false;
  const rawKey = pyRstrip(line.slice(0, delim));
  if (rawKey === '' || rawKey !== key || pyLower(rawKey) !== key) return false;
  return pyRstrip(line.slice(valueStart(line, delim))) === value;
}
