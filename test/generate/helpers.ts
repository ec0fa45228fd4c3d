import { generate } from '../../src/generate/generate.js';
import { isUserError } from '../../src/core/errors.js';
import { formatLocated } from '../../src/core/diagnostic.js';
import { loadWorkers } from '../../src/workers/load.js';

/** Generated text from YAML text, with the two header lines left out. */
export function gen(yaml: string, env: Record<string, string> = {}): string {
  const { model, diagnostics } = loadWorkers(yaml, 'w.yaml', { env });
  if (!model || diagnostics.length) throw new Error(diagnostics.map(formatLocated).join('\n'));
  return generate(model, { sourceName: 'w.yaml' }).split('\n').slice(3).join('\n');
}

/** The located errors generation gives (load or generate). */
export function genErrors(yaml: string): string[] {
  const { model, diagnostics } = loadWorkers(yaml, 'w.yaml');
  if (!model || diagnostics.length) return diagnostics.map(formatLocated);
  try {
    generate(model);
    return [];
  } catch (e) {
    if (isUserError(e)) return e.diagnostics.map(formatLocated);
    throw e;
  }
}

/** A one-program description with these extra lines under the program. */
export const program = (...lines: string[]): string =>
  `version: 1\nprograms:\n  p:\n${lines.map((l) => `    ${l}\n`).join('')}`;

/** The value of `key=` in the generated text. */
export function valueOf(text: string, key: string): string | undefined {
  return text.split('\n').find((l) => l.startsWith(`${key}=`))?.slice(key.length + 1);
}
