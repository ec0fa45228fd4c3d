import { fail, ok, type Codec, type Result } from './types.js';
import { pyIntNumber } from './python.js';

/** Writes a whole number as Python's int() reads it; refuses anything else. */
export function formatWholeNumber(value: number): Result<string> {
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) {
    return fail(`${String(value)} is not a whole number`);
  }
  return ok(BigInt(value).toString());
}

/** supervisor.datatypes.integer: Python int(), so spaces, `1_000`, Unicode digits, negatives. */
export const integerCodec: Codec<number> = {
  name: 'integer',
  parse: (text) => pyIntNumber(text, 10),
  format: formatWholeNumber,
};
