/** The CLI's only contact with the process: streams, environment and colour support. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** stdout is a terminal and NO_COLOR is unset */
  color: boolean;
}

export function processIo(): CliIo {
  const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
  return {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    cwd: process.cwd(),
    color: Boolean(process.stdout.isTTY) && !noColor,
  };
}
