// Thin command line: parse flags, call one library function, print, set the exit code.
// Each command imports only what it needs, so a start costs little more than node itself.
import { Command, CommanderError } from 'commander';
import { processIo, type CliIo } from './io.js';
import { reportError } from './report-error.js';
import { packageVersion } from './version.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('gen-supervisor')
    .description('Generate, lint and run supervisord configurations, checked against supervisord 4.2.5.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);

  program
    .command('generate [file]', { isDefault: true })
    .description('turn a workers.yaml/json into a supervisord config (the default command)')
    .option('-o, --out <file>', 'write to FILE atomically instead of stdout')
    .option('--check <file>', 'exit 1 with a diff when FILE is not what would be generated')
    .option('--var <name=value>', 'set a ${name} variable (repeatable)', collect)
    .option('--out-dir <dir>', 'write DIR/<name>.conf')
    .action(async (file: string | undefined, flags) => {
      const { generateCommand } = await import('./generate-command.js');
      setExit(await generateCommand(file, flags, io));
    });

  program
    .command('lint <files...>')
    .description('lint supervisord configs (following [include]) and worker descriptions')
    .option('-f, --format <format>', 'stylish, json, sarif or github', 'stylish')
    .option('--host', 'also check what depends on this machine (users, folders, commands, ENV_ names)')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than N')
    .option('-q, --quiet', 'report errors only')
    .option('--color', 'force colour')
    .option('--no-color', 'no colour')
    .action(async (files: string[], flags) => {
      const { lintCommand } = await import('./lint-command.js');
      setExit(await lintCommand(files, flags, io));
    });

  program
    .command('run <file>')
    .description('run a config (or a worker description) the way supervisord would, in the foreground')
    .option('--dry-run', 'print what would start, start nothing')
    .option('--json', 'with --dry-run: JSON output')
    .option('--for <duration>', 'run this long (30s, 2m), stop everything, print a summary; exit 1 if a process failed')
    .option('--var <name=value>', 'for a workers file: set a ${name} variable (repeatable)', collect)
    .action(async (file: string, flags) => {
      const { runCommand } = await import('./run-command.js');
      setExit(await runCommand(file, flags, io));
    });

  program
    .command('schema')
    .description("print the worker description's JSON Schema")
    .action(async () => {
      const { schemaJson } = await import('../workers/index.js');
      io.stdout(schemaJson());
      setExit(0);
    });

  return program;
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    return reportError(e, io.stderr);
  }
}
