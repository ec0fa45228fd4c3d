import { fail, ok, type Codec, type Result } from './types.js';
import { isPySpaceCode, PY_WHITESPACE, pyRepr } from './python.js';

// shlex's characters, as UTF-16 units. Every one is ASCII, so reading the text unit by unit
// (rather than code point by code point) splits it the same way: a surrogate is always ordinary.
const EOF = -1;
const BACKSLASH = 0x5c;
const SQUOTE = 0x27;
const DQUOTE = 0x22;
// the states of shlex's read_token besides the quotes and the backslash
const SPACE = 0x20;
const WORD = 0x61; // 'a'

const isShlexSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isQuote = (c: number): boolean => c === SQUOTE || c === DQUOTE;
/** A run of characters taken into the token as they are: no whitespace, quote or backslash. */
const ORDINARY_RUN = /[^ \t\r\n'"\\]*/y;

/** The end of the run of ordinary characters that starts at `from`. */
function ordinaryRunEnd(text: string, from: number): number {
  ORDINARY_RUN.lastIndex = from;
  ORDINARY_RUN.test(text);
  return ORDINARY_RUN.lastIndex;
}

/**
 * Python `shlex.split(text)`: POSIX mode, whitespace_split, no comments. Errors carry shlex's
 * own text (`No closing quotation`, `No escaped character`).
 */
export function shlexSplit(text: string): Result<string[]> {
  const n = text.length;
  const words: string[] = [];
  let pos = 0;
  for (;;) {
    // one read_token() call
    let state = SPACE;
    let escapedState = WORD;
    // the token is built from slices of the text, a run of ordinary characters at a time
    let token = '';
    let quoted = false;
    let atEof = false;
    for (;;) {
      const c = pos < n ? text.charCodeAt(pos) : EOF;
      pos++;
      if (state === SPACE) {
        if (c === EOF) {
          atEof = true;
          break;
        }
        if (isShlexSpace(c)) {
          if (token || quoted) break;
          continue;
        }
        if (c === BACKSLASH) {
          escapedState = WORD;
          state = c;
        } else if (isQuote(c)) state = c;
        else {
          const from = pos - 1;
          pos = ordinaryRunEnd(text, pos);
          token = text.slice(from, pos);
          state = WORD;
        }
      } else if (state === SQUOTE || state === DQUOTE) {
        quoted = true;
        if (c === EOF) return fail('No closing quotation');
        if (c === state) state = WORD;
        else if (c === BACKSLASH && state === DQUOTE) {
          escapedState = state;
          state = c;
        } else {
          // up to the closing quote (or, in double quotes, a backslash)
          const from = pos - 1;
          let end = text.indexOf(state === SQUOTE ? "'" : '"', pos);
          if (state === DQUOTE) {
            const backslash = text.indexOf('\\', pos);
            if (backslash !== -1 && (end === -1 || backslash < end)) end = backslash;
          }
          pos = end === -1 ? n : end;
          token += text.slice(from, pos);
        }
      } else if (state === BACKSLASH) {
        if (c === EOF) return fail('No escaped character');
        // inside double quotes a backslash only escapes `"` and `\`
        if (isQuote(escapedState) && c !== state && c !== escapedState) token += '\\';
        token += text[pos - 1];
        state = escapedState;
      } else {
        if (c === EOF) {
          atEof = true;
          break;
        }
        if (isShlexSpace(c)) {
          if (token || quoted) break;
          state = SPACE;
          continue;
        }
        if (isQuote(c)) state = c;
        else if (c === BACKSLASH) {
          escapedState = WORD;
          state = c;
        } else {
          const from = pos - 1;
          pos = ordinaryRunEnd(text, pos);
          token += text.slice(from, pos);
        }
      }
    }
    if (token !== '' || quoted) words.push(token);
    if (atEof) break;
  }
  return ok(words);
}

/** A backslash, a quote or Python whitespace. */
const NOT_PLAIN = new RegExp(`[\\\\'"${Array.from(PY_WHITESPACE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`);

/** A word that shlex.split returns unchanged and the INI reader cannot cut or strip. */
function isPlainWord(word: string): boolean {
  return word !== '' && word[0] !== ';' && word[0] !== '#' && !NOT_PLAIN.test(word);
}

/**
 * Quotes one word. Single quotes keep everything but `'`, written `\'` outside them; a run is
 * closed and reopened between a whitespace character and a following `;` or `#`, so that the
 * character before every `;`/`#` in the output is a quote, never whitespace.
 */
export function quoteWord(word: string): string {
  if (isPlainWord(word)) return word;
  if (word === '') return "''";
  let out = '';
  // the current single-quoted run is word[run, i)
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === SQUOTE) {
      if (i > run) out += `'${word.slice(run, i)}'`;
      out += "\\'";
      run = i + 1;
    } else if ((c === 0x3b || c === 0x23) && i > 0 && isPySpaceCode(word.charCodeAt(i - 1))) {
      if (i > run) out += `'${word.slice(run, i)}'`;
      run = i;
    }
  }
  if (word.length > run) out += `'${word.slice(run)}'`;
  return out;
}

const LINE_BREAK = /[\r\n]/;

/*
 * The quoted text splits back into argv without reading it: words are joined by single spaces
 * and none holds unquoted shlex white space. A plain word (no quote, backslash or white space)
 * is one run of ordinary characters. Any other word is single-quoted runs, inside which POSIX
 * shlex keeps everything (backslashes, `"`, white space) up to the next `'`, with each `'` of
 * the word written `\'` between runs (an escaped quote, taken literally); adjacent runs and
 * escapes continue one word, and `''` is the empty word. Line breaks are refused first.
 */
function formatCommand(argv: string[]): Result<string> {
  if (argv.length === 0) return fail('command is empty');
  let text = '';
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (LINE_BREAK.test(word)) {
      return fail(`the argument ${pyRepr(word)} contains a line break, which one INI line cannot carry`);
    }
    text += i === 0 ? quoteWord(word) : ` ${quoteWord(word)}`;
  }
  return ok(text);
}

/** command= : the argv supervisord's spawn gets from shlex.split. */
export const commandCodec: Codec<string[]> = {
  name: 'command',
  parse(text) {
    const r = shlexSplit(text);
    if (!r.ok) return r;
    if (r.value.length === 0) return fail('command is empty');
    return r;
  },
  format: formatCommand,
};

/** supervisord's spawn error for a command shlex cannot split: `can't parse command '...': ...`. */
export const commandParseError = (command: string, message: string): string =>
  `can't parse command ${pyRepr(command)}: ${message}`;
