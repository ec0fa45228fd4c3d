import { inlineCommentStart } from './comment.js';
import { mergeIni } from './merge.js';
import { pyLower, pyStrip } from './python.js';
import { DEFAULT_SECTION, readIni } from './reader.js';

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
  if (inlineCommentStart(`k=${value}`) >= 0) {
    return 'a value cannot contain `;` or `#` after whitespace: supervisord reads the rest of the line as a comment';
  }
  return null;
}

function checkComment(text: string): string | null {
  return lineBreak(text) ? 'a comment line cannot contain a line break' : null;
}

function refuse(reason: string | null, what: string): void {
  if (reason !== null) throw new Error(`${what}: ${reason}`);
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
    refuse(checkComment(text), 'header comment');
    out.push(commentLine(text));
  }
  const seen = new Set<string>();
  doc.sections.forEach((section, i) => {
    refuse(checkSectionName(section.name), `section [${section.name}]`);
    if (seen.has(section.name)) throw new Error(`section [${section.name}]: written twice (supervisord would merge them)`);
    seen.add(section.name);
    if (i > 0 || out.length > 0) out.push('');
    for (const text of section.comment ?? []) {
      refuse(checkComment(text), `comment of [${section.name}]`);
      out.push(commentLine(text));
    }
    out.push(`[${section.name}]`);
    const keys = new Set<string>();
    for (const { key, value } of section.entries) {
      refuse(checkKey(key), `[${section.name}] key ${JSON.stringify(key)}`);
      refuse(checkValue(value), `[${section.name}] ${key}`);
      if (keys.has(key)) throw new Error(`[${section.name}] ${key}: written twice (the last one would win)`);
      keys.add(key);
      out.push(`${key}=${value}`);
    }
  });
  const text = out.length ? out.join('\n') + '\n' : '';
  assertReadsBack(doc, text);
  return text;
}

/** The checks above should make this unreachable; it guards the promise that nothing is lost. */
function assertReadsBack(doc: IniWriteDocument, text: string): void {
  const read = readIni(text, '<written>');
  const config = mergeIni([read]);
  const ok =
    read.errors.length === 0 &&
    config.sections.length === doc.sections.length &&
    doc.sections.every((s, i) => {
      const got = config.sections[i]!;
      return (
        got.name === s.name &&
        got.keys().length === s.entries.length &&
        s.entries.every((e) => got.get(e.key)?.value === e.value)
      );
    });
  if (!ok) throw new Error('internal error: the INI text written would not read back as written');
}
