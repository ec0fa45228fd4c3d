/** The conversions a template holds, read without expanding it: for the linter and the resolver. */
import { charsOf, joinChars, keyEnd, literalEnd, parseSpec, type Chars, type Spec } from './expansion-syntax.js';

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

/** A template read once: its conversions and, when it reads to its end, the text around them. */
export interface Scanned {
  specs: readonly Specifier[];
  /**
   * The literal text before, between and after the conversions (`%%` already `%`), one more than
   * `specs`; null when the template has a syntax error (reading stopped there).
   */
  literals: readonly string[] | null;
}

const PLAIN: Scanned = { specs: [], literals: null };
/**
 * Results per template: the resolver and several lint rules ask about the same values, a big
 * config has tens of thousands. Bounded, so a long-lived process does not keep every text.
 */
const memo = new Map<string, Scanned>();
const MEMO_LIMIT = 100_000;

/** A template's conversions and the literal text around them, read once. Do not mutate. */
export function scanned(template: string): Scanned {
  if (!template.includes('%')) return PLAIN;
  let found = memo.get(template);
  if (!found) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(template, (found = scan(template)));
  }
  return found;
}

/** Every conversion in the template, in order (stops at the first syntax error). Do not mutate. */
export function specifiers(template: string): readonly Specifier[] {
  return scanned(template).specs;
}

let sawStar = false;
const takeStar = (): number => {
  sawStar = true;
  return 0;
};

/** Literal text between conversions: `%%` is a `%`. */
function literal(s: Chars, from: number, to: number): string {
  const text = joinChars(s, from, to);
  return text.includes('%') ? text.replaceAll('%%', '%') : text;
}

function scan(template: string): Scanned {
  const found: Specifier[] = [];
  const literals: string[] = [];
  const s = charsOf(template);
  let pos = 0;
  let literalFrom = 0;
  let complete = true;
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
      if (end < 0) {
        complete = false;
        break;
      }
      name = joinChars(s, pos + 1, end - 1);
      pos = end;
    }
    // no arguments are taken here: a `*` only has to be skipped (and noted)
    sawStar = false;
    const parsed = parseSpec(s, pos, takeStar);
    if (!parsed) {
      complete = false;
      break;
    }
    pos = parsed.end;
    literals.push(literal(s, literalFrom, start));
    literalFrom = pos;
    found.push({ name, conversion: parsed.spec.ch, index: start, text: joinChars(s, start, pos), spec: sawStar ? null : parsed.spec });
  }
  literals.push(literal(s, literalFrom, s.length));
  // exact-size copies: a pushed-to array keeps room for more, and these stay for the whole run
  return { specs: found.slice(), literals: complete ? literals.slice() : null };
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
