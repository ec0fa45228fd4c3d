import { fail, ok, type Codec } from './types.js';
import { FALSY_WORDS, TRUTHY_WORDS } from './boolean.js';
import { pyRepr } from './python.js';

export type Autorestart = true | false | 'unexpected';

/** supervisor.datatypes.auto_restart: true = always, false = never, 'unexpected'. */
export const autorestartCodec: Codec<Autorestart> = {
  name: 'autorestart',
  parse(text) {
    const lowered = text.toLowerCase();
    if ((TRUTHY_WORDS as readonly string[]).includes(lowered)) return ok(true);
    if ((FALSY_WORDS as readonly string[]).includes(lowered)) return ok(false);
    if (lowered === 'unexpected') return ok('unexpected');
    return fail(`invalid 'autorestart' value ${pyRepr(lowered)}`);
  },
  format(value) {
    if (value === true) return ok('true');
    if (value === false) return ok('false');
    if (value === 'unexpected') return ok('unexpected');
    return fail(`${String(value)} is not an autorestart value; use true, false or unexpected`);
  },
};
