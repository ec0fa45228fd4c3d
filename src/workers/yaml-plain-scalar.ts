// What a plain (unquoted) scalar means under the YAML 1.2 core schema, as eemeli/yaml reads it.

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the YAML 1.2 core schema, tested in eemeli/yaml's order. */
export function resolvePlain(t: string): unknown {
  const c = t.charCodeAt(0);
  // Most values start with a letter that none of the patterns can: skip the tests for them.
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (letter && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) return t;
  if (c === 47 /* / */ || c === 36 /* $ */ || c === 95 /* _ */) return t;
  if (NULL.test(t)) return null;
  if (BOOL.test(t)) return c === 116 || c === 84;
  if (INT_OCT.test(t)) return parseInt(t.substring(2), 8);
  if (INT.test(t)) return parseInt(t, 10);
  if (INT_HEX.test(t)) return parseInt(t.substring(2), 16);
  if (FLOAT_NAN.test(t)) return t.slice(-3).toLowerCase() === 'nan' ? NaN : t[0] === '-' ? -Infinity : Infinity;
  if (FLOAT_EXP.test(t) || FLOAT.test(t)) return parseFloat(t);
  return t;
}
