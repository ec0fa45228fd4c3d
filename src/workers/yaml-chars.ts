// The characters the quick YAML reader (yaml-fast.ts) looks for, and its one way of saying no.

/** Thrown (one shared instance: no stack to build) when the text is outside the subset. */
export const DECLINE = new Error('outside the plain YAML subset');

export const SP = 32;
export const LF = 10;
export const TAB = 9;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;
export const DOT = 46;
export const SQUOTE = 39;
export const DQUOTE = 34;
export const BACKSLASH = 92;
export const COMMA = 44;
export const LBRACKET = 91;
export const RBRACKET = 93;
export const LBRACE = 123;
export const RBRACE = 125;

/** Characters that cannot start a plain scalar here (some could in YAML; declined anyway). */
export function badPlainStart(c: number): boolean {
  switch (c) {
    case COMMA: case LBRACKET: case RBRACKET: case LBRACE: case RBRACE: case HASH:
    case 38: /* & */ case 42: /* * */ case 33: /* ! */ case 124: /* | */ case 62: /* > */
    case SQUOTE: case DQUOTE: case 37: /* % */ case 64: /* @ */ case 96: /* ` */
    case 63: /* ? */ case COLON: case DASH: case SP: case TAB: case LF:
      return true;
    default:
      return false;
  }
}

export function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LBRACKET || c === RBRACKET || c === LBRACE || c === RBRACE;
}

/** Whether `c` (NaN past the end) ends a plain scalar's `-` or `:` in block or flow context. */
export function isBreak(c: number, flow: boolean): boolean {
  return c === SP || c === LF || c === TAB || Number.isNaN(c) || (flow && isFlowIndicator(c));
}
