// supervisord's decode_wait_status: (exit status, message) where a death by signal has status -1.
import { signalNumber, signame } from './signals.js';
import type { ExitStatus } from './types.js';

export interface DecodedExit {
  status: number;
  description: string;
}

export function decodeExit(exit: ExitStatus): DecodedExit {
  if ('code' in exit) {
    const status = exit.code & 0xffff;
    return { status, description: `exit status ${status}` };
  }
  const num = signalNumber(exit.signal);
  const name = num === undefined ? String(exit.signal) : signame(num);
  const core = exit.coreDumped ? ' (core dumped)' : '';
  return { status: -1, description: `terminated by ${name}${core}` };
}
