import { fail, ok, type Codec } from './types.js';
import { pyRepr } from './python.js';

export const TRUTHY_WORDS = ['yes', 'true', 'on', '1'] as const;
export const FALSY_WORDS = ['no', 'false', 'off', '0'] as const;

/** supervisor.datatypes.boolean */
export const booleanCodec: Codec<boolean> = {
  name: 'boolean',
  parse(text) {
    const lowered = text.toLowerCase();
    if ((TRUTHY_WORDS as readonly string[]).includes(lowered)) return ok(true);
    if ((FALSY_WORDS as readonly string[]).includes(lowered)) return ok(false);
    return fail(`not a valid boolean value: ${pyRepr(text)}`);
  },
  format(value) {
    if (typeof value !== 'boolean') return fail(`${String(value)} is not true or false`);
    return ok(value ? 'true' : 'false');
  },
};
