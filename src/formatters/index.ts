import type { Formatter } from './context.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type { FormatContext, Formatter } from './context.js';
export { displayPath, colorEnabled } from './context.js';
export { formatGithub, formatJson, formatSarif, formatStylish };

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

const byName: Record<FormatName, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

/** The formatter of a `--format` name; undefined for an unknown name (a usage error). */
export function formatterFor(name: string): Formatter | undefined {
  return (FORMATS as readonly string[]).includes(name) ? byName[name as FormatName] : undefined;
}
