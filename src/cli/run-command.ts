import { parseVars } from './generate-command.js';
import type { CliIo } from './io.js';

export interface RunFlags {
  dryRun?: boolean;
  json?: boolean;
  for?: string;
  var?: string[];
}

export async function runCommand(file: string, flags: RunFlags, io: CliIo): Promise<number> {
  const { dryRun, runFile, parseDuration, processSignals } = await import('../runner/index.js');
  const vars = parseVars(flags.var);
  if (flags.dryRun) {
    io.stdout(dryRun(file, { json: Boolean(flags.json), env: io.env, cwd: io.cwd, vars }));
    return 0;
  }
  const forSeconds = flags.for === undefined ? undefined : parseDuration(flags.for);
  const result = await runFile(file, {
    ...(forSeconds !== undefined ? { forSeconds } : {}),
    vars,
    color: io.color,
    env: io.env,
    cwd: io.cwd,
    stdout: io.stdout,
    stderr: io.stderr,
    signals: processSignals,
  });
  return result.exitCode;
}
