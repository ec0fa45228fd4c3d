import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import type { RuleMeta } from '../lint/types.js';

/** What every formatter may use besides the diagnostics. Formatters are pure. */
export interface FormatContext {
  /** Paths are shown relative to this folder when they lie inside it. */
  cwd: string;
  /** ANSI colour (stylish only); the CLI decides: a TTY and no NO_COLOR. */
  color: boolean;
  /** File text by the path the diagnostics use, for the source line under each finding. */
  sources: Record<string, string>;
  /** Metadata of every rule (sarif lists them). */
  rules: readonly RuleMeta[];
  toolName?: string;
  toolVersion?: string;
  /** Where rule pages live, e.g. a repository URL ending in docs/rules/ (sarif helpUri). */
  docsBaseUrl?: string;
}

export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;

/** Colour for stylish: only on a terminal, never when NO_COLOR is set (https://no-color.org). */
export function colorEnabled(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return isTTY === true && !env.NO_COLOR;
}

/** A path relative to cwd with forward slashes when inside it; otherwise as given. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file.split(sep).join('/');
  const rel = relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}

/** The lines of a source text, without their endings (none for an unknown file). */
export function splitSource(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(/\r\n|\r|\n/);
}
