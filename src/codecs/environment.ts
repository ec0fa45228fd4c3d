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

const WORDCHARS = new Set(
  'abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_' + '/.+-():',
);
const WHITESPACE = ' \t\r\n';
const QUOTES = `'"`;

/** True when `key` is one shlex word (what supervisord can read back as a key). */
export const isShlexWord = (key: string): boolean => key.length > 0 && [...key].every((c) => WORDCHARS.has(c));

/**
 * `list(shlex.shlex(text))` with supervisor's extra word characters, non-POSIX mode: quotes kept
 * and no escapes; `#` skips to the end of the line (inside a word too, which then continues).
 */
export function shlexNonPosix(text: string): Result<{ tokens: ShlexToken[]; comments: CommentCut[] }> {
  const chars = Array.from(text);
  // offsets in UTF-16 units, for positions reported to the caller
  const offsets: number[] = [];
  let acc = 0;
  for (const c of chars) {
    offsets.push(acc);
    acc += c.length;
  }
  offsets.push(acc);
  const tokens: ShlexToken[] = [];
  const comments: CommentCut[] = [];
  let pos = 0;
  let state: ' ' | 'a' | '"' | "'" = ' ';
  let token = '';
  let start = 0;
  const skipComment = () => {
    const from = pos - 1;
    while (pos < chars.length && chars[pos] !== '\n') pos++;
    if (pos < chars.length) pos++;
    comments.push({ text: chars.slice(from, pos).join(''), offset: offsets[from]! });
  };
  const emit = () => {
    tokens.push({ text: token, offset: offsets[start]! });
    token = '';
  };
  for (;;) {
    const c = pos < chars.length ? chars[pos]! : '';
    pos++;
    if (state === ' ') {
      if (c === '') break;
      if (WHITESPACE.includes(c)) continue;
      if (c === '#') skipComment();
      else if (WORDCHARS.has(c)) {
        token = c;
        start = pos - 1;
        state = 'a';
      } else if (QUOTES.includes(c)) {
        token = c;
        start = pos - 1;
        state = c as '"' | "'";
      } else {
        token = c;
        start = pos - 1;
        emit();
      }
    } else if (state === 'a') {
      if (c === '') {
        emit();
        break;
      }
      if (WHITESPACE.includes(c)) {
        state = ' ';
        emit();
      } else if (c === '#') skipComment();
      else if (WORDCHARS.has(c) || QUOTES.includes(c)) token += c;
      else {
        // the punctuation character becomes the next token on its own
        emit();
        token = c;
        start = pos - 1;
        emit();
        state = ' ';
      }
    } else {
      if (c === '') return fail('No closing quotation');
      token += c;
      if (c === state) {
        state = ' ';
        emit();
      }
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
    const step = tokens.slice(i, i + 3);
    if (step.length !== 3 || step[1]!.text !== '=') {
      return fail(`Unexpected end of key/value pairs in value '${text}'`);
    }
    const key = step[0]!;
    if (QUOTES.includes(key.text[0]!)) quotedKeys.push(key);
    pairs.push([key.text, pyStripChars(step[2]!.text, `'"`)]);
    const skipped = tokens[i + 3];
    if (skipped && skipped.text !== ',') dropped.push(skipped);
  }
  return ok({ pairs, dropped, comments, quotedKeys });
}

/** The pairs as a map, later duplicates winning (as supervisord's dict does). */
export const environmentMap = (pairs: EnvironmentPairs): Map<string, string> => new Map(pairs);

function formatEnvironment(pairs: EnvironmentPairs): Result<string> {
  const parts: string[] = [];
  for (const [key, value] of pairs) {
    if (!isShlexWord(key)) {
      return fail(
        `the environment variable name ${pyRepr(key)} cannot be written: supervisord reads a name made of letters, digits, _ and /.+-(): only`,
      );
    }
    if (/[\r\n]/.test(value)) {
      return fail(`the value of ${key} contains a line break, which cannot be written on one INI line`);
    }
    if (value.includes('"') && value.includes("'")) {
      return fail(`the value of ${key} contains both ' and ", and supervisord has no way to escape a quote in environment=`);
    }
    if (/^['"]|['"]$/.test(value)) {
      return fail(`the value of ${key} starts or ends with a quote character, which supervisord strips`);
    }
    const quote = value.includes('"') ? "'" : '"';
    parts.push(`${key}=${quote}${value}${quote}`);
  }
  const text = parts.join(',');
  const cut = inlineCommentIndex(text);
  if (cut >= 0) {
    return fail(
      `a value has ${pyRepr(text[cut]!)} after whitespace, which the INI reader takes as the start of a comment (quotes do not protect it)`,
    );
  }
  const back = environmentReport(text);
  const same =
    back.ok &&
    back.value.pairs.length === pairs.length &&
    back.value.pairs.every(([k, v], i) => k === pairs[i]![0] && v === pairs[i]![1]);
  if (!same) return fail(`supervisord would not read ${pyRepr(text)} back as the same variables`);
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
