/** Python's text for a float, as `%e`, `%f`, `%g` and str() print it. */

/** Python's repr of a float: an integral one keeps its `.0`. */
export function pyFloatRepr(v: number): string {
  if (Number.isInteger(v)) return Math.abs(v) < 1e16 ? `${v}.0` : formatFloat(v, 'r', -1, false);
  return formatFloat(v, 'r', -1, false);
}

/** Python's exponent format: at least two digits. */
const fixExponent = (s: string): string => s.replace(/e([+-])(\d)$/, 'e$10$2');

/** PyOS_double_to_string for e, f, g ('r' = repr, approximated). */
export function formatFloat(v: number, type: string, prec: number, alt: boolean): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const lower = type.toLowerCase();
  const upper = type !== lower;
  let out: string;
  if (lower === 'r') {
    const s = String(v);
    out = s.includes('e') ? fixExponent(s.replace(/e(\d)/, 'e+$1')) : s;
  } else if (lower === 'f') {
    out = Math.abs(v).toFixed(prec);
    if (v < 0 || Object.is(v, -0)) out = '-' + out;
    if (alt && prec === 0) out += '.';
  } else if (lower === 'e') {
    out = fixExponent(v.toExponential(prec));
    if (alt && prec === 0) out = out.replace('e', '.e');
  } else {
    const p = prec === 0 ? 1 : prec;
    const exp = v === 0 ? 0 : Number(v.toExponential(p - 1).split('e')[1]);
    if (exp >= -4 && exp < p) {
      out = v.toFixed(p - 1 - exp);
      if (!alt && out.includes('.')) out = out.replace(/\.?0+$/, '');
      else if (alt && !out.includes('.')) out += '.';
    } else {
      out = v.toExponential(p - 1);
      if (!alt) out = out.replace(/\.?0+e/, 'e');
      else if (!out.includes('.')) out = out.replace('e', '.e');
      out = fixExponent(out);
    }
  }
  return upper ? out.toUpperCase() : out;
}
