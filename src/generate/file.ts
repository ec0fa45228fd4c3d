/** The library side of `gen-supervisor generate`: load, generate, then write or check. */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { describeFsError } from '../core/fs-errors.js';
import { loadWorkersFile } from '../workers/load.js';
import { writeFileAtomic } from './atomic.js';
import { unifiedDiff } from './diff.js';
import { buildDocument } from './generate.js';
import { writeIni } from '../ini/writer.js';

export interface GenerateFileOptions {
  /** `--var name=value`, winning over the file's vars:. */
  vars?: Readonly<Record<string, string>>;
  /** For `${env:NAME}` (the CLI passes process.env). */
  env?: Readonly<Record<string, string | undefined>>;
  /** `-o FILE`: replace FILE atomically with the result (nothing is written on error). */
  out?: string;
  /** `--check FILE`: compare FILE with the result instead of writing anything. */
  check?: string;
  /** Name in the header comment; default: the path as given. */
  sourceName?: string;
}

export interface CheckOutcome {
  path: string;
  upToDate: boolean;
  /** Unified diff from FILE to the generated text; '' when up to date. */
  diff: string;
}

export interface GenerateFileResult {
  /** The generated config; null when diagnostics prevent it. */
  text: string | null;
  /** Located errors in the worker description (all of them). */
  diagnostics: Diagnostic[];
  /** The file written (with `out`). */
  written: string | null;
  check: CheckOutcome | null;
  /** 0 done / up to date, 1 `check` found FILE out of date, 2 the description is unusable. */
  exitCode: 0 | 1 | 2;
}

function readForCheck(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new UserError(`cannot read ${path}: ${describeFsError(e)}`);
  }
}

/**
 * Generate from a worker description file. Throws UserError (exit 2) only for files it cannot
 * read or write; problems in the description come back as `diagnostics` with exitCode 2.
 */
export function generateFile(path: string, opts: GenerateFileOptions = {}): GenerateFileResult {
  const loaded = loadWorkersFile(path, { vars: opts.vars ?? {}, env: opts.env ?? {} });
  const failed = (diagnostics: Diagnostic[]): GenerateFileResult => ({ text: null, diagnostics, written: null, check: null, exitCode: 2 });
  if (!loaded.model || loaded.diagnostics.length > 0) return failed(loaded.diagnostics);
  const built = buildDocument(loaded.model, { sourceName: opts.sourceName ?? path });
  if (built.diagnostics.length > 0) return failed(built.diagnostics);
  const text = writeIni(built.document);
  if (opts.check !== undefined) {
    const current = readForCheck(opts.check);
    const diff = unifiedDiff(current, text, opts.check, `${opts.check} (generated from ${path})`);
    return { text, diagnostics: [], written: null, check: { path: opts.check, upToDate: diff === '', diff }, exitCode: diff === '' ? 0 : 1 };
  }
  if (opts.out !== undefined) writeFileAtomic(opts.out, text);
  return { text, diagnostics: [], written: opts.out ?? null, check: null, exitCode: 0 };
}
