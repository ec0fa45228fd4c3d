// What `run` and `run --dry-run` run: a supervisord config (with its includes) or a worker
// description generated in memory, resolved exactly as the linter resolves it with --host. A
// file the linter calls an error is refused here with the same located diagnostics.
import { readFileSync, statSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { resolve } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { loadConfig } from '../config/load.js';
import type { ResolvedConfig } from '../config/types.js';
import { generate } from '../generate/generate.js';
import { isWorkersFile, makeDisplayPath } from '../lint/lint-files.js';
import { loadWorkersFile } from '../workers/load.js';
import { toMachineGroups, type MappedConfig } from './to-machine.js';

export interface RunSourceOptions {
  /** supervisord's environment (ENV_ names, the children's base environment). */
  env: Record<string, string | undefined>;
  /** supervisord's working directory. */
  cwd: string;
  /** platform.node(); default: this machine's host name. */
  hostname?: string;
  /** `--var name=value` for a worker description. */
  vars?: Readonly<Record<string, string>>;
}

export interface RunSource {
  /** The path as given. */
  path: string;
  kind: 'ini' | 'workers';
  /** For a worker description: the supervisord.conf text generated from it. */
  generated: string | null;
  config: ResolvedConfig;
  mapped: MappedConfig;
}

/** The name the generated config carries: in the description's folder, so %(here)s is that folder. */
export const generatedName = (path: string): string => `${path} (generated supervisord.conf)`;

function refuse(diagnostics: Diagnostic[], cwd: string, main: string): never {
  const display = makeDisplayPath(cwd, new Map([[resolve(cwd, main), main]]));
  throw UserError.fromDiagnostics(diagnostics.map((d) => ({ ...d, file: display(d.file) })).sort(compareDiagnostics));
}

/** Reads like loadConfig's default reader, except for the one file served from memory. */
function readerWith(virtualAbs: string, text: string) {
  return (path: string): Uint8Array | string => {
    if (path === virtualAbs) return text;
    if (statSync(path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return readFileSync(path);
  };
}

/**
 * Loads `path` for running (host checks on, a conf.d fragment refused). Throws UserError with
 * every located refusal (exit 2) before anything starts.
 */
export function loadRunSource(path: string, opts: RunSourceOptions): RunSource {
  const ctx = { env: opts.env, hostname: opts.hostname ?? osHostname(), cwd: opts.cwd, host: true, allowFragment: false };
  let main = path;
  let generated: string | null = null;
  let readFile: ((p: string) => Uint8Array | string) | undefined;
  if (isWorkersFile(path)) {
    const loaded = loadWorkersFile(resolve(opts.cwd, path), { env: opts.env, ...(opts.vars ? { vars: opts.vars } : {}) });
    if (!loaded.model || loaded.diagnostics.length > 0) {
      refuse(loaded.diagnostics.map((d) => ({ ...d, file: d.file === resolve(opts.cwd, path) ? path : d.file })), opts.cwd, path);
    }
    generated = generate(loaded.model, { sourceName: path });
    main = generatedName(path);
    readFile = readerWith(resolve(opts.cwd, main), generated);
  }
  const { result } = loadConfig(main, ctx, readFile);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !result.config) refuse(errors, opts.cwd, main);
  const config = result.config;
  const fcgi = config.groups.filter((g) => !g.shadowed && g.processes.some((p) => p.kind === 'fcgi-program'));
  if (fcgi.length > 0) {
    // supervisord would create each socket and hand it to the children as fd 0; this runner
    // does not, and a FastCGI child without its socket fails in ways supervisord's would not.
    refuse(fcgi.map((g) => ({
      ...g.at, severity: 'error', ruleId: 'runner-unsupported',
      message: `[${g.sectionName}]: fcgi-program sections cannot be run by gen-supervisor run (their socket is not created); use supervisord itself`,
    })), opts.cwd, main);
  }
  return { path, kind: generated === null ? 'ini' : 'workers', generated, config, mapped: toMachineGroups(config) };
}
