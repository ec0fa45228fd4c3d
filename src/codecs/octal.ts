import { fail, ok, type Codec } from './types.js';
import { pyInt } from './python.js';

/** supervisor.datatypes.octal_type: Python int(text, 8). */
export const octalCodec: Codec<number> = {
  name: 'octal',
  parse(text) {
    const r = pyInt(text, 8);
    return r.ok ? ok(Number(r.value)) : fail(`${text} can not be converted to an octal type`);
  },
  format(value) {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return fail(`${String(value)} is not a whole number, so it has no octal form`);
    }
    const digits = Math.abs(value).toString(8);
    return ok(`${value < 0 ? '-' : ''}${value === 0 ? '0' : '0' + digits}`);
  },
};
