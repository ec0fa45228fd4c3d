import { fail, ok, type Codec, type Result } from './types.js';
import { isPySpace, pyRepr } from './python.js';

const WHITESPACE = ' \t\r\n';
const QUOTES = `'"`;

/**
 * Python `shlex.split(text)`: POSIX mode, whitespace_split, no comments. Errors carry shlex's
 * own text (`No closing quotation`, `No escaped character`).
 */
export function shlexSplit(text: string): Result<string[]> {
  const chars = Array.from(text);
  const words: string[] = [];
  let pos = 0;
  for (;;) {
    // one read_token() call
    let state: string = ' ';
    let escapedState = ' ';
    let token = '';
    let quoted = false;
    let atEof = false;
    for (;;) {
      const c = pos < chars.length ? chars[pos]! : '';
      pos++;
      if (state === ' ') {
        if (c === '') {
          atEof = true;
          break;
        }
        if (WHITESPACE.includes(c)) {
          if (token || quoted) break;
          continue;
        }
        if (c === '\\') {
          escapedState = 'a';
          state = c;
        } else if (QUOTES.includes(c)) state = c;
        else {
          token = c;
          state = 'a';
        }
      } else if (QUOTES.includes(state)) {
        quoted = true;
        if (c === '') return fail('No closing quotation');
        if (c === state) state = 'a';
        else if (c === '\\' && state === '"') {
          escapedState = state;
          state = c;
        } else token += c;
      } else if (state === '\\') {
        if (c === '') return fail('No escaped character');
        // inside double quotes a backslash only escapes `"` and `\`
        if (QUOTES.includes(escapedState) && c !== state && c !== escapedState) token += state;
        token += c;
        state = escapedState;
      } else {
        if (c === '') {
          atEof = true;
          break;
        }
        if (WHITESPACE.includes(c)) {
          if (token || quoted) break;
          state = ' ';
          continue;
        }
        if (QUOTES.includes(c)) state = c;
        else if (c === '\\') {
          escapedState = 'a';
          state = c;
        } else token += c;
      }
    }
    if (token !== '' || quoted) words.push(token);
    if (atEof) break;
  }
  return ok(words);
}

/** A word that shlex.split returns unchanged and the INI reader cannot cut or strip. */
const isPlainWord = (word: string): boolean =>
  word !== '' &&
  word[0] !== ';' &&
  word[0] !== '#' &&
  !Array.from(word).some((c) => isPySpace(c) || c === '\\' || c === "'" || c === '"');

/**
 * Quotes one word. Single quotes keep everything but `'`, written `\'` outside them; a run is
 * closed and reopened between a whitespace character and a following `;` or `#`, so that the
 * character before every `;`/`#` in the output is a quote, never whitespace.
 */
export function quoteWord(word: string): string {
  if (isPlainWord(word)) return word;
  if (word === '') return "''";
  let out = '';
  let run = '';
  let prev = '';
  const flush = () => {
    if (run !== '') out += `'${run}'`;
    run = '';
  };
  for (const c of word) {
    if (c === "'") {
      flush();
      out += "\\'";
    } else {
      if ((c === ';' || c === '#') && isPySpace(prev)) flush();
      run += c;
    }
    prev = c;
  }
  flush();
  return out;
}

function formatCommand(argv: string[]): Result<string> {
  if (argv.length === 0) return fail('command is empty');
  for (const word of argv) {
    if (/[\r\n]/.test(word)) {
      return fail(`the argument ${pyRepr(word)} contains a line break, which one INI line cannot carry`);
    }
  }
  const text = argv.map(quoteWord).join(' ');
  const back = shlexSplit(text);
  if (!back.ok || back.value.length !== argv.length || back.value.some((w, i) => w !== argv[i])) {
    return fail(`the command ${pyRepr(text)} would not split back into the same arguments`);
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
