/** Codecs for values supervisord takes as text; existence checks belong to the host layer. */
import { fail, ok, type Codec, type Result } from './types.js';
import { PY_WHITESPACE, pyRepr } from './python.js';
import { checkIniValue } from './inisafe.js';

const textCodec = (name: string, what: string): Codec<string> => ({
  name,
  parse: (text) => ok(text),
  format: (value) => (value === '' ? ok('') : checkIniValue(value, what)),
});

export const stringCodec = textCodec('string', 'the value');
export const pathCodec = textCodec('path', 'the path');
/** user: a name or uid; whether it exists is a host check (`Invalid user name X`). */
export const userCodec = textCodec('user', 'the user');
/** `[supervisord] logfile`/`pidfile`: a path; its folder is checked on the host. */
export const dirPathCodec = textCodec('dirpath', 'the path');
/** `module:attr`; resolving it is a host check. */
export const entryPointCodec = textCodec('entrypoint', 'the entry point');

/** existing_directory: the directory is checked on the host; '' can never be one. */
export const existingDirCodec: Codec<string> = {
  name: 'existingdir',
  parse: (text) => (text === '' ? fail(' is not an existing directory') : ok(text)),
  format: (value) => (value === '' ? fail('the directory is empty') : checkIniValue(value, 'the directory')),
};

export interface UserGroup {
  user: string;
  /** null when only a user is given (supervisord then uses gid -1) */
  group: string | null;
}

/** colon_separated_user_group's split: `user[:group]` at the first `:`. */
export function parseUserGroup(text: string): UserGroup {
  const colon = text.indexOf(':');
  return colon < 0 ? { user: text, group: null } : { user: text.slice(0, colon), group: text.slice(colon + 1) };
}

export const userGroupCodec: Codec<UserGroup> = {
  name: 'usergroup',
  parse: (text) => ok(parseUserGroup(text)),
  format(value): Result<string> {
    if (value.user.includes(':')) return fail(`the user name ${pyRepr(value.user)} contains ':', which separates user and group`);
    return checkIniValue(value.group === null ? value.user : `${value.user}:${value.group}`, 'the owner');
  },
};

const WS_RUN = new RegExp(`[${PY_WHITESPACE.replace(/[\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))}]+`, 'u');

/** Python str.split() with no argument. */
export const pySplit = (text: string): string[] => text.split(WS_RUN).filter((x) => x !== '');

/** `[include] files`: whitespace separated glob patterns. */
export const globListCodec: Codec<string[]> = {
  name: 'globlist',
  parse: (text) => ok(pySplit(text)),
  format(value) {
    for (const item of value) {
      if (item === '' || pySplit(item).length !== 1 || pySplit(item)[0] !== item) {
        return fail(`the pattern ${pyRepr(item)} is empty or contains whitespace, which separates patterns`);
      }
    }
    return checkIniValue(value.join(' '), 'the file list');
  },
};
