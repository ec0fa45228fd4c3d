import { fail, ok, type Codec } from './types.js';
import { pyInt, pyRepr, pyStrip } from './python.js';

export interface Signal {
  /** The canonical Linux name without `SIG` (`TERM`, `ABRT` for IOT); `'0'` for number 0. */
  name: string;
  number: number;
}

/** Every attribute of Python's `signal` module that starts with SIG (Linux, CPython 3.11). */
export const SIGNAL_ATTRIBUTES: Readonly<Record<string, number>> = {
  SIGABRT: 6, SIGALRM: 14, SIGBUS: 7, SIGCHLD: 17, SIGCLD: 17, SIGCONT: 18, SIGFPE: 8,
  SIGHUP: 1, SIGILL: 4, SIGINT: 2, SIGIO: 29, SIGIOT: 6, SIGKILL: 9, SIGPIPE: 13, SIGPOLL: 29,
  SIGPROF: 27, SIGPWR: 30, SIGQUIT: 3, SIGRTMAX: 64, SIGRTMIN: 34, SIGSEGV: 11, SIGSTKFLT: 16,
  SIGSTOP: 19, SIGSYS: 31, SIGTERM: 15, SIGTRAP: 5, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22,
  SIGURG: 23, SIGUSR1: 10, SIGUSR2: 12, SIGVTALRM: 26, SIGWINCH: 28, SIGXCPU: 24, SIGXFSZ: 25,
  SIG_BLOCK: 0, SIG_DFL: 0, SIG_IGN: 1, SIG_SETMASK: 2, SIG_UNBLOCK: 1,
};

/** Python's signal.Signals names by number (the name `kill -l` shows). */
const CANONICAL: Readonly<Record<number, string>> = {
  1: 'HUP', 2: 'INT', 3: 'QUIT', 4: 'ILL', 5: 'TRAP', 6: 'ABRT', 7: 'BUS', 8: 'FPE', 9: 'KILL',
  10: 'USR1', 11: 'SEGV', 12: 'USR2', 13: 'PIPE', 14: 'ALRM', 15: 'TERM', 16: 'STKFLT',
  17: 'CHLD', 18: 'CONT', 19: 'STOP', 20: 'TSTP', 21: 'TTIN', 22: 'TTOU', 23: 'URG', 24: 'XCPU',
  25: 'XFSZ', 26: 'VTALRM', 27: 'PROF', 28: 'WINCH', 29: 'IO', 30: 'PWR', 31: 'SYS',
  34: 'RTMIN', 64: 'RTMAX',
};

/** The numbers supervisord accepts: every value of a SIG* attribute, so 0 is included. */
export const SIGNAL_NUMBERS: readonly number[] = [...new Set(Object.values(SIGNAL_ATTRIBUTES))].sort((a, b) => a - b);

const toSignal = (number: number): Signal => ({ name: CANONICAL[number] ?? String(number), number });

/** supervisor.datatypes.signal_number */
export const signalCodec: Codec<Signal> = {
  name: 'signal',
  parse(text) {
    const asInt = pyInt(text, 10);
    let num: number;
    if (asInt.ok) {
      num = Number(asInt.value);
    } else {
      let name = pyStrip(text).toUpperCase();
      if (!name.startsWith('SIG')) name = 'SIG' + name;
      const found = Object.prototype.hasOwnProperty.call(SIGNAL_ATTRIBUTES, name) ? SIGNAL_ATTRIBUTES[name] : undefined;
      if (found === undefined) return fail(`value ${pyRepr(text)} is not a valid signal name`);
      num = found;
    }
    if (!SIGNAL_NUMBERS.includes(num)) return fail(`value ${pyRepr(text)} is not a valid signal number`);
    return ok(toSignal(num));
  },
  format(value) {
    const { name, number } = value;
    if (!SIGNAL_NUMBERS.includes(number)) {
      return fail(
        `signal number ${String(number)} does not exist for supervisord; use 1-31, 34 (RTMIN), 64 (RTMAX) or a name such as TERM`,
      );
    }
    if (name && name !== String(number)) {
      const key = name.toUpperCase().startsWith('SIG') ? name.toUpperCase() : 'SIG' + name.toUpperCase();
      if (SIGNAL_ATTRIBUTES[key] !== number) {
        return fail(`signal name ${name} does not match signal number ${number}`);
      }
      if (/^SIG[A-Z0-9]+$/.test(key)) return ok(key.slice(3));
    }
    return ok(CANONICAL[number] ?? String(number));
  },
};
