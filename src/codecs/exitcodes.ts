import { fail, ok, type Codec } from './types.js';
import { pyInt, pyRepr } from './python.js';

/** supervisor.datatypes.list_of_exitcodes: comma separated int() values 0..255; '' is []. */
export const exitCodesCodec: Codec<number[]> = {
  name: 'exitcodes',
  parse(text) {
    if (text === '') return ok([]);
    const codes: number[] = [];
    for (const part of text.split(',')) {
      const r = pyInt(part, 10);
      if (!r.ok || r.value < 0n || r.value > 255n) {
        return fail(`not a valid list of exit codes: ${pyRepr(text)}`);
      }
      codes.push(Number(r.value));
    }
    return ok(codes);
  },
  format(value) {
    for (const code of value) {
      if (typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code > 255) {
        return fail(`exit code ${String(code)} is not possible: exit codes are whole numbers from 0 to 255`);
      }
    }
    return ok(value.join(','));
  },
};
