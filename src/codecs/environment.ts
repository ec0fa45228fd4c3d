import { fail, ok, type Codec, type Result } from './types.js';
import { pyRepr, pyStripChars } from './python.js';
import { inlineCommentIndex } from './inisafe.js';

export type EnvironmentPairs = Array<[string, string]>;

/** A token of Python's non-POSIX shlex, with where it starts in the text. */
export interface ShlexToken {
  text: string;
  offset: number;
}

/** Text that a `#` removed: from the `#` up to and including the end of its line. */
export interface CommentCut {
  text: string;
  offset: number;
}

const WORDCHAR_TEXT = 'abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_' + '/.+-():';
/** shlex's word characters (all ASCII) by UTF-16 unit. */
const WORDCHAR = new Uint8Array(128);
for (let i = 0; i < WORDCHAR_TEXT.length; i++) WORDCHAR[WORDCHAR_TEXT.charCodeAt(i)] = 1;
const isWordChar = (c: number): boolean => c < 128 && WORDCHAR[c] === 1;
const isShlexSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const SQUOTE = 0x27;
const DQUOTE = 0x22;
const isQuote = (c: number): boolean => c === SQUOTE || c === DQUOTE;
const HASH = 0x23;
const NEWLINE = 0x0a;
const QUOTES = `'"`;
const LINE_BREAK = /[\r\n]/;

const SHLEX_WORD = /^[abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.+\-():]+$/;
/** From pos: word characters and quotes, which extend a word. */
const WORD_RUN = /[abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.+\-():'"]*/y;

/** True when `key` is one shlex word (what supervisord can read back as a key). */
export const isShlexWord = (key: string): boolean => SHLEX_WORD.test(key);

/** The length in UTF-16 units of the code point at `i` (2 for a surrogate pair). */
function codePointLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/**
 * `list(shlex.shlex(text))` with supervisor's extra word characters, non-POSIX mode: quotes kept
 * and no escapes; `#` skips to the end of the line (inside a word too, which then continues).
 * Offsets are in UTF-16 units. shlex reads code points, but each of its special characters is
 * ASCII, so the only place a surrogate pair needs care is a punctuation token of its own.
 */
export function shlexNonPosix(text: string): Result<{ tokens: ShlexToken[]; comments: CommentCut[] }> {
  const n = text.length;
  const tokens: ShlexToken[] = [];
  const comments: CommentCut[] = [];
  let pos = 0;
  // ' ', 'a' (in a word) or the open quote
  let state = 0x20;
  const WORD = 0x61;
  let token = '';
  let start = 0;
  const skipComment = () => {
    const from = pos - 1;
    while (pos < n && text.charCodeAt(pos) !== NEWLINE) pos++;
    if (pos < n) pos++;
    comments.push({ text: text.slice(from, pos), offset: from });
  };
  const emit = () => {
    tokens.push({ text: token, offset: start });
    token = '';
  };
  /** The character at pos - 1 as a token of its own (a whole code point). */
  const punctuation = () => {
    start = pos - 1;
    pos = start + codePointLength(text, start);
    token = text.slice(start, pos);
    emit();
  };
  /** Extends the word by the run of word characters and quotes from pos - 1. */
  const wordRun = () => {
    const from = pos - 1;
    WORD_RUN.lastIndex = pos;
    WORD_RUN.test(text);
    pos = WORD_RUN.lastIndex;
    token += text.slice(from, pos);
  };
  for (;;) {
    const c = pos < n ? text.charCodeAt(pos) : -1;
    pos++;
    if (state === 0x20) {
      if (c === -1) break;
      if (isShlexSpace(c)) continue;
      if (c === HASH) skipComment();
      else if (isWordChar(c)) {
        start = pos - 1;
        token = '';
        wordRun();
        state = WORD;
      } else if (isQuote(c)) {
        token = text[pos - 1]!;
        start = pos - 1;
        state = c;
      } else punctuation();
    } else if (state === WORD) {
      if (c === -1) {
        emit();
        break;
      }
      if (isShlexSpace(c)) {
        state = 0x20;
        emit();
      } else if (c === HASH) skipComment();
      else if (isWordChar(c) || isQuote(c)) wordRun();
      else {
        // the punctuation character becomes the next token on its own
        emit();
        punctuation();
        state = 0x20;
      }
    } else {
      if (c === -1) return fail('No closing quotation');
      // up to and including the closing quote
      const close = text.indexOf(state === SQUOTE ? "'" : '"', pos - 1);
      if (close === -1) {
        token += text.slice(pos - 1);
        pos = n;
        continue;
      }
      token += text.slice(pos - 1, close + 1);
      pos = close + 1;
      state = 0x20;
      emit();
    }
  }
  return ok({ tokens, comments });
}

export interface EnvironmentReport {
  pairs: EnvironmentPairs;
  /** Tokens supervisord skipped without looking at them (every 4th token that is not `,`). */
  dropped: ShlexToken[];
  /** What `#` comments removed. */
  comments: CommentCut[];
  /** Keys that kept their quotes (`"A"=1` gives the key `"A"`). */
  quotedKeys: ShlexToken[];
}

/** supervisor.datatypes.dict_of_key_value_pairs, plus what it silently lost on the way. */
export function environmentReport(text: string): Result<EnvironmentReport> {
  const lexed = shlexNonPosix(text);
  if (!lexed.ok) return lexed;
  const { tokens, comments } = lexed.value;
  const pairs: EnvironmentPairs = [];
  const dropped: ShlexToken[] = [];
  const quotedKeys: ShlexToken[] = [];
  for (let i = 0; i < tokens.length; i += 4) {
    if (i + 2 >= tokens.length || tokens[i + 1]!.text !== '=') {
      return fail(`Unexpected end of key/value pairs in value '${text}'`);
    }
    const key = tokens[i]!;
    if (QUOTES.includes(key.text[0]!)) quotedKeys.push(key);
    pairs.push([key.text, pyStripChars(tokens[i + 2]!.text, `'"`)]);
    const skipped = tokens[i + 3];
    if (skipped && skipped.text !== ',') dropped.push(skipped);
  }
  return ok({ pairs, dropped, comments, quotedKeys });
}

/** The pairs as a map, later duplicates winning (as supervisord's dict does). */
export const environmentMap = (pairs: EnvironmentPairs): Map<string, string> => new Map(pairs);

/**
 * `KEY=<q>value<q>` pairs joined by `,`. Every pair that passes the checks below reads back as
 * itself without lexing: the key is one word (a token, then `=` a token of its own), the value
 * holds no line break and no <q> (so the quoted token runs from <q> to <q>), and neither end of
 * the value is a quote (so stripping quotes off the token leaves the value); the `,` after it
 * is the skipped fourth token. So the written text is proved by the checks, with no read-back.
 */
function formatEnvironment(pairs: EnvironmentPairs): Result<string> {
  let text = '';
  for (let i = 0; i < pairs.length; i++) {
    // Indexes, not destructuring: that goes through the iterator protocol, slow in cold code.
    const pair = pairs[i]!;
    const key = pair[0];
    const value = pair[1];
    if (!isShlexWord(key)) {
      return fail(
        `the environment variable name ${pyRepr(key)} cannot be written: supervisord reads a name made of letters, digits, _ and /.+-(): only`,
      );
    }
    if (LINE_BREAK.test(value)) {
      return fail(`the value of ${key} contains a line break, which cannot be written on one INI line`);
    }
    const double = value.includes('"');
    if (double && value.includes("'")) {
      return fail(`the value of ${key} contains both ' and ", and supervisord has no way to escape a quote in environment=`);
    }
    if (value.length > 0 && (isQuote(value.charCodeAt(0)) || isQuote(value.charCodeAt(value.length - 1)))) {
      return fail(`the value of ${key} starts or ends with a quote character, which supervisord strips`);
    }
    const quote = double ? "'" : '"';
    text += i === 0 ? `${key}=${quote}${value}${quote}` : `,${key}=${quote}${value}${quote}`;
  }
  const cut = inlineCommentIndex(text);
  if (cut >= 0) {
    return fail(
      `a value has ${pyRepr(text[cut]!)} after whitespace, which the INI reader takes as the start of a comment (quotes do not protect it)`,
    );
  }
  return ok(text);
}

/** environment= (KEY="value",...) as supervisord reads it. */
export const environmentCodec: Codec<EnvironmentPairs> = {
  name: 'environment',
  parse(text) {
    const r = environmentReport(text);
    return r.ok ? ok(r.value.pairs) : r;
  },
  format: formatEnvironment,
};
