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
  // Many lines repeat (autorestart=true in every program): each distinct one is read once.
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
    for (const text of section.comment ?? []) {
      const bad = checkComment(text);
      if (bad !== null) refuse(bad, `comment of [${name}]`);
      out.push(readsAsComment(commentLine(text)));
    }
    out.push(readsAsHeader(`[${name}]`, name));
    const entries = section.entries;
    const keys = new Set<string>();
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
      if (!provedLines.has(line)) {
        if (!readsAsEntry(line, key, value)) {
          const bad = checkValue(value);
          if (bad !== null) refuse(bad, `[${name}] ${key}`);
          unread(line);
        }
        provedLines.add(line);
      }
      if (keys.has(key)) throw new Error(`[${name}] ${key}: written twice (the last one would win)`);
      keys.add(key);
      out.push(line);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
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

function unread(line: string): never {
  throw new Error(`internal error: the INI line ${JSON.stringify(line)} would not read back as written`);
}

const LINE_BREAK = /[\r\n]/;

function readsAsComment(line: string): string {
  if (LINE_BREAK.test(line) || commentCut(line) !== 0) unread(line);
  return line;
}

function readsAsHeader(line: string, name: string): string {
  if (LINE_BREAK.test(line) || commentCut(line) !== -1 || pyStrip(line) !== line) unread(line);
  const header = matchHeader(line);
  // nothing after `]`, and not [DEFAULT], whose keys every section would inherit
  if (!header || header.name !== name || header.close !== line.length - 1 || name === DEFAULT_SECTION) unread(line);
  return line;
}

function readsAsEntry(line: string, key: string, value: string): boolean {
  if (LINE_BREAK.test(line) || commentCut(line) !== -1 || pyStrip(line) !== line || matchHeader(line)) return false;
  const delim = firstDelimiter(line);
  if (delim < 0) return false;
  const rawKey = pyRstrip(line.slice(0, delim));
  if (rawKey === '' || rawKey !== key || pyLower(rawKey) !== key) return false;
  return pyRstrip(line.slice(valueStart(line, delim))) === value;
}
