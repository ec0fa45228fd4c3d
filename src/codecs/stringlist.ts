import { fail, ok, type Codec } from './types.js';
import { pyRepr, pyStrip } from './python.js';
import { checkIniValue } from './inisafe.js';

/** supervisor.datatypes.list_of_strings: '' is []; split on `,`, each item stripped. */
export const stringListCodec: Codec<string[]> = {
  name: 'stringlist',
  parse(text) {
    if (text === '') return ok([]);
    return ok(text.split(',').map(pyStrip));
  },
  format(value) {
    if (value.length === 1 && value[0] === '') return fail('a list holding one empty item cannot be written: it reads back as an empty list');
    for (const item of value) {
      if (item.includes(',')) return fail(`the item ${pyRepr(item)} contains a comma, which separates items`);
      if (/[\r\n]/.test(item)) return fail(`the item ${pyRepr(item)} contains a line break`);
      if (pyStrip(item) !== item) return fail(`the item ${pyRepr(item)} starts or ends with whitespace, which supervisord strips`);
    }
    return checkIniValue(value.join(','), 'the list');
  },
};
