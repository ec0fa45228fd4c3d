import { fail, ok, type Codec } from './types.js';
import { pyRepr, pyStrip } from './python.js';
import { checkIniValue } from './inisafe.js';

/** The characters supervisord refuses in a name, in the order it tests them. */
const FORBIDDEN = [' ', ':', '/'] as const;

/** supervisor.datatypes.process_or_group_name: stripped; no space, `:` or `/`. */
export const nameCodec: Codec<string> = {
  name: 'name',
  parse(text) {
    const stripped = pyStrip(text);
    for (let i = 0; i < FORBIDDEN.length; i++) {
      const ch = FORBIDDEN[i]!;
      if (stripped.includes(ch)) return fail(`Invalid name: ${pyRepr(text)} because of character: ${pyRepr(ch)}`);
    }
    return ok(stripped);
  },
  format(value) {
    for (const ch of FORBIDDEN) {
      if (value.includes(ch)) return fail(`the name ${pyRepr(value)} contains ${pyRepr(ch)}, which supervisord does not allow in names`);
    }
    if (/[\r\n]/.test(value)) return fail(`the name ${pyRepr(value)} contains a line break`);
    if (pyStrip(value) !== value) return fail(`the name ${pyRepr(value)} starts or ends with whitespace, which supervisord strips`);
    return checkIniValue(value, 'the name');
  },
};
