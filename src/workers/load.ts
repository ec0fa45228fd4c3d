/**
 * Load a worker description: YAML/JSON with positions, schema (the build-time compiled
 * validator), templating, defaults. Every problem is returned at once as located diagnostics.
 */
import { readFileSync } from 'node:fs';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { describeFsError } from '../core/fs-errors.js';
import type { WorkersModel } from './model.js';
import { normalise } from './normalise.js';
import { schemaDiagnostics } from './schema-errors.js';
import { schemaErrors } from './validator.js';
import { parseYaml } from './yaml-source.js';

export interface LoadOptions {
  /** `--var name=value`: wins over the file's `vars:`. */
  vars?: Readonly<Record<string, string>>;
  /** For `${env:NAME}`; default: nothing is set (the CLI passes process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface LoadResult {
  /** null when the file could not be read as a worker description. */
  model: WorkersModel | null;
  /** Errors, sorted by position; the model is only usable when there are none. */
  diagnostics: Diagnostic[];
}

/** Load from text; `file` is the name diagnostics carry. Never throws for bad input. */
export function loadWorkers(text: string, file: string, opts: LoadOptions = {}): LoadResult {
  const parsed = parseYaml(text, file);
  if (!parsed.source) return { model: null, diagnostics: parsed.diagnostics };
  const source = parsed.source;
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    const message = 'a worker description is a mapping: version: 1, then programs: and the rest';
    return { model: null, diagnostics: [{ ...source.locate([]), severity: 'error', ruleId: 'workers-schema', message }] };
  }
  const schema = schemaDiagnostics(schemaErrors(source.data), source);
  if (schema.length > 0) return { model: null, diagnostics: schema.sort(compareDiagnostics) };
  const { model, diagnostics } = normalise(source, { cliVars: opts.vars ?? {}, env: opts.env ?? {} });
  return { model, diagnostics: diagnostics.sort(compareDiagnostics) };
}

/** Read and load a file; an unreadable file is a UserError (exit 2). */
export function loadWorkersFile(path: string, opts: LoadOptions = {}): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read ${path}: ${describeFsError(e)}`);
  }
  return loadWorkers(text, path, opts);
}
