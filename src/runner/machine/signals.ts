// Signal names exactly as supervisord prints them (options.signame on Linux, CPython 3):
// aliases resolve to SIGABRT, SIGCHLD and SIGPOLL; unnamed numbers print as `signal N`.
import type { SignalSpec } from './types.js';

const NAMES: Readonly<Record<number, string>> = {
  1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP', 6: 'SIGABRT', 7: 'SIGBUS',
  8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1', 11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE',
  14: 'SIGALRM', 15: 'SIGTERM', 16: 'SIGSTKFLT', 17: 'SIGCHLD', 18: 'SIGCONT', 19: 'SIGSTOP',
  20: 'SIGTSTP', 21: 'SIGTTIN', 22: 'SIGTTOU', 23: 'SIGURG', 24: 'SIGXCPU', 25: 'SIGXFSZ',
  26: 'SIGVTALRM', 27: 'SIGPROF', 28: 'SIGWINCH', 29: 'SIGPOLL', 30: 'SIGPWR', 31: 'SIGSYS',
  34: 'SIGRTMIN', 64: 'SIGRTMAX',
};

const ALIASES: Readonly<Record<string, number>> = { SIGIOT: 6, SIGCLD: 17, SIGIO: 29 };

const NUMBERS: Readonly<Record<string, number>> = Object.fromEntries([
  ...Object.entries(NAMES).map(([n, name]) => [name, Number(n)] as const),
  ...Object.entries(ALIASES),
]);

/** supervisord's `signame(sig)`. */
export function signame(sig: number): string {
  return NAMES[sig] ?? `signal ${sig}`;
}

/** Number of a signal given as `SIGTERM`, `TERM` (any case) or a number; undefined if unknown. */
export function signalNumber(sig: number | string): number | undefined {
  if (typeof sig === 'number') return sig;
  const upper = sig.toUpperCase();
  return NUMBERS[upper.startsWith('SIG') ? upper : `SIG${upper}`];
}

export const SIGKILL: SignalSpec = { name: 'KILL', number: 9 };
