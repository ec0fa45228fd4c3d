import { basename, extname, join } from 'node:path';
import { formatLocated } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import type { CliIo } from './io.js';

export interface GenerateFlags {
  out?: string;
  check?: string;
  var?: string[];
  outDir?: string;
}

/** `--var name=value`, repeatable; later ones win. */
export function parseVars(pairs: readonly string[] = []): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UserError(`--var ${pair}: expected NAME=VALUE`);
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return vars;
}

export async function generateCommand(file: string | undefined, flags: GenerateFlags, io: CliIo): Promise<number> {
  if (!file) throw new UserError('no workers file given: gen-supervisor workers.yaml > supervisord.conf (see --help)');
  if (flags.out && flags.outDir) throw new UserError('use either -o/--out or --out-dir, not both');
  const { generateFile } = await import('../generate/index.js');
  const out = flags.outDir ? join(flags.outDir, `${basename(file, extname(file))}.conf`) : flags.out;
  const r = generateFile(file, { vars: parseVars(flags.var), env: io.env, out, check: flags.check });
  if (r.exitCode === 2) {
    io.stderr(r.diagnostics.map((d) => formatLocated(d)).join('\n') + '\n');
    return 2;
  }
  if (r.check) {
    if (r.check.upToDate) return 0;
    io.stderr(`${r.check.path} is out of date; regenerate it with: gen-supervisor generate ${file} -o ${r.check.path}\n`);
    io.stdout(r.check.diff);
    return 1;
  }
  if (!out && r.text !== null) io.stdout(r.text);
  return r.exitCode;
}
