/** The conversions a template holds, read without expanding it: for the linter and the resolver. */
import { charsOf, joinChars, keyEnd, literalEnd, parseSpec, type Spec } from './expansion-syntax.js';

export interface Specifier {
  /** the `(name)` or null for a bare specifier */
  name: string | null;
  /** the conversion character */
  conversion: string;
  /** code point index of the `%` in the template */
  index: number;
  /** the whole specifier text, `%(name)05d` */
  text: string;
  /** flags, width, precision and conversion; null when a `*` takes them from the arguments */
  spec: Spec | null;
}

const NONE: readonly Specifier[] = Object.freeze([]);
/**
 * Results per template: the resolver and several lint rules ask about the same values, a big
 * config has tens of thousands. Bounded, so a long-lived process does not keep every text.
 */
const memo = new Map<string, readonly Specifier[]>();
const MEMO_LIMIT = 100_000;

/** Every conversion in the template, in order (stops at the first syntax error). Do not mutate. */
export function specifiers(template: string): readonly Specifier[] {
  if (!template.includes('%')) return NONE;
  let found = memo.get(template);
  if (!found) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(template, (found = Object.freeze(scan(template))));
  }
  return found;
}

function scan(template: string): Specifier[] {
  const found: Specifier[] = [];
  const s = charsOf(template);
  let pos = 0;
  while (pos < s.length) {
    if (s[pos] !== '%') {
      pos = literalEnd(s, pos);
      continue;
    }
    const start = pos++;
    if (s[pos] === '%') {
      pos++;
      continue;
    }
    let name: string | null = null;
    if (s[pos] === '(') {
      const end = keyEnd(s, pos);
      if (end < 0) break;
      name = joinChars(s, pos + 1, end - 1);
      pos = end;
    }
    // no arguments are taken here: a `*` only has to be skipped
    let star = false;
    const parsed = parseSpec(s, pos, () => {
      star = true;
      return 0;
    });
    if (!parsed) break;
    pos = parsed.end;
    found.push({ name, conversion: parsed.spec.ch, index: start, text: joinChars(s, start, pos), spec: star ? null : parsed.spec });
  }
  return found;
}

/** The names a template uses through `%(name)`, in order of first use. */
export function expansionNames(template: string): string[] {
  return [...new Set(specifiers(template).flatMap((sp) => (sp.name === null ? [] : [sp.name])))];
}

/**
 * Bare specifiers (`%s`, `%5s`, `%r`, `%d`...) with no `(name)`: with a dict, a lone `%s`/`%r`/`%a`
 * silently inserts the whole dict's repr, and the others fail. For the linter.
 */
export function bareSpecifiers(template: string): Specifier[] {
  return specifiers(template).filter((sp) => sp.name === null);
}
