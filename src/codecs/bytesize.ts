import { ok, type Codec } from './types.js';
import { pyIntNumber } from './python.js';
import { formatWholeNumber } from './integer.js';

const SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ['kb', 1024],
  ['mb', 1024 * 1024],
  ['gb', 1024 * 1024 * 1024],
];

/** supervisor.datatypes.byte_size: lowercased, optional kb/mb/gb suffix, the rest is int(). */
export const byteSizeCodec: Codec<number> = {
  name: 'bytesize',
  parse(text) {
    const lowered = text.toLowerCase();
    for (const [suffix, factor] of SUFFIXES) {
      // Python's v[-2:] is the whole text when it is shorter than 2 characters.
      if (lowered.slice(-2) === suffix) {
        const r = pyIntNumber(lowered.slice(0, -2), 10);
        return r.ok ? ok(r.value * factor) : r;
      }
    }
    return pyIntNumber(lowered, 10);
  },
  format(value) {
    const plain = formatWholeNumber(value);
    if (!plain.ok || value === 0) return plain;
    for (const [suffix, factor] of [...SUFFIXES].reverse()) {
      if (value % factor === 0) return ok(`${value / factor}${suffix.toUpperCase()}`);
    }
    return plain;
  },
};
