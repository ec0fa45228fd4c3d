import { UserError } from '../core/errors.js';
import type { CliIo } from './io.js';
import { packageVersion } from './version.js';

export interface LintFlags {
  format: string;
  host?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
}

const MODE_TEXT: Record<string, string> = {
  full: 'a full supervisord config',
  fragment: 'a fragment (no [supervisord] section: conf.d mode)',
  workers: 'a worker description',
};

function parseMaxWarnings(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UserError(`--max-warnings ${text}: expected a whole number`);
  return Number(text);
}

export async function lintCommand(files: string[], flags: LintFlags, io: CliIo): Promise<number> {
  const [{ lintFiles, ruleMeta }, { formatterFor, FORMATS }] = await Promise.all([
    import('../lint/index.js'),
    import('../formatters/index.js'),
  ]);
  const format = formatterFor(flags.format);
  if (!format) throw new UserError(`--format ${flags.format}: expected one of ${FORMATS.join(', ')}`);
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  const result = lintFiles(files, { host: Boolean(flags.host), maxWarnings, quiet: flags.quiet, cwd: io.cwd, env: io.env });
  // commander sets color=false for --no-color; it is undefined unless a flag was given.
  const color = flags.color ?? io.color;
  io.stdout(
    format(result.diagnostics, {
      cwd: io.cwd,
      color: flags.format === 'stylish' && color,
      sources: result.sources,
      rules: ruleMeta(),
      toolName: 'gen-supervisor',
      toolVersion: packageVersion(),
    }),
  );
  if (flags.format === 'stylish') {
    const modes = result.files.map((f) => `${f.path}: ${f.includedBy ? `included by ${f.includedBy}` : (MODE_TEXT[f.mode] ?? f.mode)}`);
    io.stderr(`linted ${modes.join('; ')}${flags.host ? ' (with host checks)' : ''}\n`);
    if (result.tooManyWarnings) io.stderr(`too many warnings: ${result.warningCount} > --max-warnings ${maxWarnings}\n`);
  }
  return result.exitCode;
}
