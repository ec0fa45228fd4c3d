// Writes the disagreements found by the lint suites to .tmp/lint-disagreements.md (each suite
// its own part, then the parts joined), so whoever fixes them can read it while the suites run.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/tmp.js';

const PARTS = ['notes', 'agreement', 'fuzz'] as const;
export type ReportPart = (typeof PARTS)[number];

export function writeReportPart(part: ReportPart, markdown: string): string {
  const dir = join(repoRoot(), '.tmp');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `lint-disagreements.${part}.md`), markdown);
  const body = PARTS.map((p) => {
    const f = join(dir, `lint-disagreements.${p}.md`);
    return existsSync(f) ? readFileSync(f, 'utf8') : `## ${p}\n\n(not run yet)\n`;
  }).join('\n');
  const out = join(dir, 'lint-disagreements.md');
  writeFileSync(out, `# Lint vs supervisord 4.2.5: disagreements\n\nWritten by test/compat/lint-agreement.test.ts and lint-fuzz.test.ts on each run (${new Date().toISOString()}).\n\n${body}`);
  return out;
}

/** A fenced block that survives backticks in the text. */
export function fence(text: string, lang = ''): string {
  const ticks = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${lang}\n${text.replace(/\n?$/, '')}\n${ticks}`;
}
