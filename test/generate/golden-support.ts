/** Runs one golden fixture: NAME.yaml -> NAME.conf (ok) or NAME.errors (bad). */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatLocated } from '../../src/core/diagnostic.js';
import { buildDocument } from '../../src/generate/generate.js';
import { writeIni } from '../../src/ini/writer.js';
import { loadWorkers } from '../../src/workers/load.js';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/generate/', import.meta.url));
/** The environment every fixture sees for ${env:NAME}. */
export const FIXTURE_ENV = { APP_ENV: 'production', HOME: '/tmp' };

export function fixtureNames(kind: 'ok' | 'bad'): string[] {
  return readdirSync(`${FIXTURES}${kind}`)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.json'))
    .sort();
}

/** `{conf}` for a description that generates, `{errors}` (one `file:line:col: message` a line) otherwise. */
export function runFixture(kind: 'ok' | 'bad', file: string): { conf: string | null; errors: string } {
  const text = readFileSync(`${FIXTURES}${kind}/${file}`, 'utf8');
  const loaded = loadWorkers(text, file, { env: FIXTURE_ENV, vars: {} });
  let diagnostics = loaded.diagnostics;
  let conf: string | null = null;
  if (loaded.model && diagnostics.length === 0) {
    const built = buildDocument(loaded.model, { sourceName: file });
    diagnostics = built.diagnostics;
    if (diagnostics.length === 0) conf = writeIni(built.document);
  }
  const errors = diagnostics.map((d) => `${formatLocated(d)}\n`).join('');
  return { conf, errors };
}

export const expectedPath = (kind: 'ok' | 'bad', file: string): string =>
  `${FIXTURES}${kind}/${file.replace(/\.(yaml|json)$/, kind === 'ok' ? '.conf' : '.errors')}`;
