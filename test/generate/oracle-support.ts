/** Asks supervisord 4.2.5's own parser (test/support/oracle.py) about generated configs. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ORACLE = fileURLToPath(new URL('../../../test/support/oracle.py', import.meta.url));

export interface OracleProcess {
  name: string;
  command: string;
  directory: string | null;
  environment: Record<string, string>;
  stdout_logfile: string | null;
  stderr_logfile: string | null;
  [key: string]: unknown;
}

export interface OracleResult {
  path: string;
  accepted: boolean;
  message: string | null;
  groups?: Array<{ name: string; processes: OracleProcess[] }>;
  supervisord?: { environment: Record<string, string> | null; [key: string]: unknown };
}

export function askOracle(jobs: Array<{ path: string; env?: Record<string, string> }>): OracleResult[] {
  const r = spawnSync('/usr/bin/python3', [ORACLE, '--batch'], { input: JSON.stringify(jobs), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`oracle failed: ${r.stderr}`);
  return r.stdout.trim().split('\n').map((line) => JSON.parse(line) as OracleResult);
}

/** Python's own shlex.split of each text, as supervisord splits a command at spawn time. */
export function pythonShlexSplit(texts: string[]): string[][] {
  const code = 'import json,shlex,sys; print(json.dumps([shlex.split(t) for t in json.load(sys.stdin)]))';
  const r = spawnSync('/usr/bin/python3', ['-c', code], { input: JSON.stringify(texts), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}
