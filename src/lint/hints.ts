/** Hints appended to supervisord's own refusal text, saying how to fix it. */
import type { Diagnostic } from '../core/diagnostic.js';

const CONVERSIONS = 'diouxXeEfFgGcrsa%';
const FLAGS = /^[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?/;

/** The template with every `%` that starts no valid specifier doubled. */
function escapeStray(chars: string[]): string {
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    if (chars[i + 1] === '%') {
      out += '%%';
      i++;
      continue;
    }
    const rest = chars.slice(i + 1).join('');
    const named = /^\(([^()]*)\)/.exec(rest);
    if (named) {
      const after = rest.slice(named[0].length);
      const flags = FLAGS.exec(after)![0];
      const conv = after[flags.length];
      if (conv !== undefined && CONVERSIONS.includes(conv)) {
        out += '%' + named[0] + flags + conv;
        i += named[0].length + flags.length + 1;
        continue;
      }
    }
    out += '%%';
  }
  return out;
}

/**
 * For supervisord's `... is badly formatted: ...` refusals: a `%(name)` without its conversion
 * character gets the fix (`%(process_num)02d` or `%(process_num)s`); a stray `%` gets `%%`.
 */
export function missingConversionHint(d: Diagnostic): string | undefined {
  const m = /^Format string '([\s\S]*)' for '[^']*' is badly formatted: (incomplete format|unsupported format character '[\s\S]' \(0x[0-9a-f]+\) at index (\d+)|[\s\S]*)/.exec(d.message);
  if (!m) return undefined;
  const template = m[1]!;
  const chars = [...template];
  // Where Python stopped: the `%` of the failing specifier.
  let at: number;
  if (m[3] !== undefined) {
    at = Number(m[3]);
    while (at > 0 && chars[at] !== '%') at--;
  } else if (m[2] === 'incomplete format') {
    at = -1;
    for (let i = chars.length - 1; i >= 0; i--) if (chars[i] === '%') { at = i; break; }
    // the failing one is the first specifier that runs to the end
    for (let i = 0; i < chars.length; i++) {
      if (chars[i] !== '%') continue;
      if (chars[i + 1] === '%') { i++; continue; }
      const rest = chars.slice(i + 1).join('');
      const named = /^\(([^()]*)\)/.exec(rest);
      const after = named ? rest.slice(named[0].length) : rest;
      if (after.length === FLAGS.exec(after)![0].length) { at = i; break; }
    }
  } else return strayHint(chars);
  if (at < 0) return undefined;
  const rest = chars.slice(at + 1).join('');
  const named = /^\(([^()]*)\)/.exec(rest);
  if (named) {
    const name = named[1]!;
    const spec = `%(${name})`;
    const numeric = name === 'process_num' || name === 'numprocs';
    const after = rest.slice(named[0].length);
    const conv = after[FLAGS.exec(after)![0].length];
    const where = conv === undefined ? 'at the end' : `before '${conv}'`;
    const fixed = chars.slice(0, at).join('') + spec + (numeric ? '02d' : 's') + rest.slice(named[0].length + FLAGS.exec(after)![0].length);
    return `The conversion character is missing after ${spec} (${where}): write ${numeric ? `${spec}02d or ${spec}s` : `${spec}s`}, e.g. '${fixed}'`;
  }
  return strayHint(chars);
}

function strayHint(chars: string[]): string {
  const env = /%([A-Za-z_][A-Za-z0-9_]*)%/.exec(chars.join(''));
  if (env) return `supervisord does not expand %${env[1]}%: write %(ENV_${env[1]})s for an environment variable, or '%%' for a literal percent sign`;
  return `A '%' that does not start %(name)s must be written '%%' for a literal percent sign: '${escapeStray(chars)}'`;
}
