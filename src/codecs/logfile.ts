import { fail, ok, type Codec, type Result } from './types.js';
import { checkIniValue } from './inisafe.js';

export type LogFile = { kind: 'none' } | { kind: 'auto' } | { kind: 'syslog' } | { kind: 'path'; path: string };

/**
 * supervisor.datatypes.logfile_name, without the folder check (a host check done elsewhere).
 * The empty string is accepted and means no log, like NONE.
 */
export const logFileCodec: Codec<LogFile> = {
  name: 'logfile',
  parse(text) {
    const lowered = text.toLowerCase();
    if (lowered === 'none' || lowered === 'off' || text === '') return ok({ kind: 'none' });
    if (lowered === 'auto') return ok({ kind: 'auto' });
    if (lowered === 'syslog') return ok({ kind: 'syslog' });
    return ok({ kind: 'path', path: text });
  },
  format(value) {
    switch (value.kind) {
      case 'none':
        return ok('NONE');
      case 'auto':
        return ok('AUTO');
      case 'syslog':
        return ok('SYSLOG');
      case 'path': {
        const lowered = value.path.toLowerCase();
        if (['none', 'off', 'auto', 'syslog'].includes(lowered)) {
          return fail(`a log file named ${value.path} would be read as the word ${value.path.toUpperCase()}; write it as ./${value.path}`);
        }
        return checkPathText(value.path);
      }
    }
  },
};

/** A path as one INI value: not empty, and carried unchanged by the INI reader. */
export function checkPathText(path: string): Result<string> {
  if (path === '') return fail('the path is empty');
  return checkIniValue(path, 'the path');
}
