/**
 * The INI dialect as supervisord 4.2.5 reads it (CPython 3.11 `RawConfigParser`, with
 * `inline_comment_prefixes=(';', '#')`, `strict=False`).
 *
 * Positions are 1-based. Columns count characters (Unicode code points, as Python indexes a
 * line) of the raw line, so they only differ from UTF-16 offsets after an astral character.
 */

export interface IniPos {
  line: number;
  column: number;
}

/** One line a value was built from: the first line (after the delimiter) or a continuation. */
export interface IniValueLine {
  line: number;
  /** Column of `text` in the raw line (for a blank line inside a value: 1). */
  column: number;
  /** The stripped text that configparser appended (`''` for a blank line inside a value). */
  text: string;
  continuation: boolean;
  /**
   * For continuation lines only: the text looks like an option (`autostart=false`) or a section
   * header (`[program:b]`) that was swallowed into the value above because it is indented.
   */
  looksLike?: 'key' | 'header';
}

/** One occurrence of `key=value` in a file. Never mutated once built. */
export interface IniEntry {
  file: string;
  /** Name of the section header this occurrence sits under (`'DEFAULT'` for defaults). */
  section: string;
  /** Lowercased, right-stripped key, as configparser stores it (`''` for `=foo`, a parse error). */
  key: string;
  /** The key as written (right-stripped, case kept). */
  rawKey: string;
  /** Position of the key's first character. */
  keyPos: IniPos;
  delimiter: '=' | ':';
  delimiterPos: IniPos;
  /** Position where the value starts (right after the delimiter and spaces, even if empty). */
  valuePos: IniPos;
  /** First line then every continuation line, blank lines inside the value included. */
  lines: IniValueLine[];
  /** configparser's value: `lines` texts joined with `\n`, then right-stripped. */
  readValue: string;
  /** The value seen by supervisord: `readValue`, after the `%(here)s` replacement if any. */
  value: string;
  /** Last line number belonging to this entry (its last non-blank value line). */
  endLine: number;
  /** True when written in `[DEFAULT]`. */
  fromDefault: boolean;
  /** Set when `%(here)s` was replaced textually (reference §2.4) with this directory. */
  hereDir?: string;
}

/** One occurrence of a section header, with the entries written under it. */
export interface IniSectionBlock {
  file: string;
  /** Text between the `[` and the last `]`, not stripped. */
  name: string;
  /** Position of the `[`. */
  pos: IniPos;
  /** Line of the `]` ending the name and its column. */
  closePos: IniPos;
  /** Text after the last `]` (before any inline comment), ignored by configparser. */
  junk?: { pos: IniPos; text: string };
  isDefault: boolean;
  entries: IniEntry[];
}

export interface IniComment {
  line: number;
  column: number;
  /** From the `;`/`#` to the end of the line. */
  text: string;
  /** `full`: the whole line is a comment; `inline`: it cut text off a line. */
  kind: 'full' | 'inline';
}

export type IniErrorKind =
  /** configparser's MissingSectionHeaderError: the read stopped at this line. */
  | 'no-section-header'
  /** a line with no `=` or `:` (configparser's ParsingError line). */
  | 'no-delimiter'
  /** `=foo`: an empty key (ParsingError line; configparser still stores key `''`). */
  | 'empty-key';

export interface IniError {
  kind: IniErrorKind;
  file: string;
  line: number;
  column: number;
  /** The line as Python saw it: with its `\n` if it had a line ending. */
  raw: string;
}

export interface IniDocument {
  file: string;
  /** The text read: `lines` each followed by its ending in `eols`. */
  text: string;
  /** Lines without their endings (`lines[n-1]` is line n). */
  lines: string[];
  /** Ending of each line: `'\n'`, `'\r\n'`, `'\r'` or `''` for a last line without one. */
  eols: string[];
  /** The text starts with U+FEFF (kept, as supervisord does: the first line is then not a header). */
  hasBom: boolean;
  /** Every header occurrence in file order (`[DEFAULT]` blocks included, `isDefault` set). */
  sections: IniSectionBlock[];
  /** Every key occurrence in file order. */
  entries: IniEntry[];
  /** Full-line comments and inline comments that cut text off, in file order. */
  comments: IniComment[];
  /** Continuation lines that look like a key or a header (also flagged in `IniEntry.lines`). */
  swallowed: Array<IniValueLine & { entry: IniEntry }>;
  /** In configparser's order; at most one `no-section-header`, and then it is the only error. */
  errors: IniError[];
}
