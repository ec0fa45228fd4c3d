import { basename } from 'node:path';
import { shlexSplit } from '../codecs/command.js';

export const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash', 'ksh']);

/** What makes shlex do more than split at white space: without these it cannot fail either. */
const QUOTING = /['"\\]/;
const QUOTING_ALL = /['"\\]/g;

/**
 * The command without its quotes and backslashes: a word of its split (argvOf) is made of
 * characters that follow each other here, as shlex only drops those from inside a word. So a
 * text with no quoting in it can be looked for here instead of in every word.
 */
export function unquoted(command: string): string {
  return QUOTING.test(command) ? command.replace(QUOTING_ALL, '') : command;
}

/** argv as supervisord will split it at spawn time; null when it cannot be split. */
export function argvOf(command: string | null): readonly string[] | null {
  if (command === null) return null;
  // several rules split the same commands (thousands on a big config): once each
  let argv = argvCache.get(command);
  if (argv === undefined) {
    if (QUOTING.test(command)) {
      const r = shlexSplit(command);
      argv = r.ok ? r.value : null;
    } else {
      argv = command.split(SHLEX_SPACE);
      if (argv[0] === '') argv.shift();
      if (argv[argv.length - 1] === '') argv.pop();
    }
    argvCache.set(command, argv);
  }
  return argv;
}

const argvCache = new Map<string, string[] | null>();
const SHLEX_SPACE = /[ \t\r\n]+/;

/**
 * argvOf(command)?.[0], the program: most commands have no quote or backslash, and then it is
 * the first run of non-white-space, with no need to split the whole command.
 */
export function programOf(command: string | null): string | undefined {
  if (command === null) return undefined;
  if (QUOTING.test(command)) return argvOf(command)?.[0];
  return FIRST_WORD.exec(command)?.[0];
}

const FIRST_WORD = /[^ \t\r\n]+/;

/** argvOf(command) joined with spaces: the command itself when it has no quoting and single spaces only. */
export function joinedArgv(command: string | null): string {
  if (command === null) return '';
  if (!RESPLIT.test(command)) return command;
  return (argvOf(command) ?? []).join(' ');
}

const RESPLIT = /['"\\\t\r\n]|  |^ | $/;

/** Whether the program is a shell, or env (which may run one): what shellScript needs first. */
export function runsShell(command: string | null): boolean {
  if (command === null) return false;
  if (!QUOTING.test(command)) return SHELL_OR_ENV_FIRST.test(command);
  const prog = argvOf(command)?.[0];
  return prog !== undefined && SHELL_OR_ENV.test(prog);
}

// basename(program) is a shell or env: its last segment, before any trailing slashes (without
// path.basename, slow when cold); in a command without quoting, the program is its first word
const SHELL_OR_ENV_NAME = `(?:${[...SHELLS, 'env'].join('|')})/*`;
const SHELL_OR_ENV = new RegExp(`(?:^|/)${SHELL_OR_ENV_NAME}$`);
const SHELL_OR_ENV_FIRST = new RegExp(`^[ \\t\\r\\n]*(?:[^ \\t\\r\\n]*/)?${SHELL_OR_ENV_NAME}(?:[ \\t\\r\\n]|$)`);

/** `sh -c '...'` (or bash, or via /usr/bin/env): returns the script text. */
export function shellScript(argv: readonly string[]): string | null {
  let i = 0;
  if (basename(argv[0] ?? '') === 'env') i = 1;
  if (!SHELLS.has(basename(argv[i] ?? ''))) return null;
  const c = argv.findIndex((a, j) => j > i && /^-[a-z]*c[a-z]*$/.test(a));
  return c >= 0 ? (argv[c + 1] ?? '') : null;
}

export const isShell = (argv: readonly string[]) => SHELLS.has(basename(argv[0] ?? '')) || (basename(argv[0] ?? '') === 'env' && SHELLS.has(basename(argv[1] ?? '')));
