/**
 * The schema validator compiled at build time by scripts/build-validator.mjs (ajv standalone
 * code), so loading a file never compiles a schema. It is a CommonJS file required on first
 * use: commands that read no worker description never load it.
 */
import { createRequire } from 'node:module';

export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  propertyName?: string;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

let compiled: CompiledValidator | null = null;

function validator(): CompiledValidator {
  if (compiled) return compiled;
  try {
    // Beside this module: dist/src/workers/, or dist/bundle/ in the bundled CLI.
    compiled = createRequire(import.meta.url)('./validate-workers.cjs') as CompiledValidator;
  } catch (e) {
    throw new Error(`the compiled workers.yaml validator is missing (run \`npm run build\`): ${String(e)}`);
  }
  return compiled;
}

/** Every schema violation of `data` (empty when valid). */
export function schemaErrors(data: unknown): AjvError[] {
  const validate = validator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
