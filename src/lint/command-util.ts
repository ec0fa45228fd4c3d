import { basename } from 'node:path';
import { shlexSplit } from '../codecs/command.js';

export const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash', 'ksh']);

/** argv as supervisord will split it at spawn time; null when it cannot be split. */
export function argvOf(command: string | null): string[] | null {
  if (command === null) return null;
  // several rules split the same commands (thousands on a big config): once each
  let argv = argvCache.get(command);
  if (argv === undefined) {
    const r = shlexSplit(command);
    argv = r.ok ? r.value : null;
    argvCache.set(command, argv);
  }
  return argv && argv.slice();
}

const argvCache = new Map<string, string[] | null>();

/** `sh -c '...'` (or bash, or via /usr/bin/env): returns the script text. */
export function shellScript(argv: readonly string[]): string | null {
  let i = 0;
  if (basename(argv[0] ?? '') === 'env') i = 1;
  if (!SHELLS.has(basename(argv[i] ?? ''))) return null;
  const c = argv.findIndex((a, j) => j > i && /^-[a-z]*c[a-z]*$/.test(a));
  return c >= 0 ? (argv[c + 1] ?? '') : null;
}

export const isShell = (argv: readonly string[]) => SHELLS.has(basename(argv[0] ?? '')) || (basename(argv[0] ?? '') === 'env' && SHELLS.has(basename(argv[1] ?? '')));
