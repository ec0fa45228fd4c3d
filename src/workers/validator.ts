/**
 * The schema validator compiled at build time by scripts/build-validator.mjs (ajv standalone
 * code), so loading a file never compiles a schema.
 */
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

const compiled = (await import(new URL('./validate-workers.js', import.meta.url).href).catch((e: unknown) => {
  throw new Error(`the compiled workers.yaml validator is missing (run \`npm run build\`): ${String(e)}`);
})) as { default: CompiledValidator };

/** Every schema violation of `data` (empty when valid). */
export function schemaErrors(data: unknown): AjvError[] {
  const validate = compiled.default;
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
