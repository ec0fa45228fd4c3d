/**
 * The library entry of `gen-supervisor lint`: lint supervisord configs (each following its
 * [include]) and worker descriptions, and say which mode applied to each file.
 */
import { readFileSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { UserError } from '../core/errors.js';
import { describeFsError } from '../core/fs-errors.js';
import { loadConfig } from '../config/load.js';
import { mergeIni } from '../ini/merge.js';
import type { IniDocument } from '../ini/types.js';
import { loadWorkers } from '../workers/load.js';
import { buildDocument } from '../generate/generate.js';
import { finish, runRules } from './engine.js';
import { COVERED_REFUSAL_IDS, RULES } from './registry.js';
import { sectionSpecFor } from '../catalogue/index.js';
import type { IniLintContext, LintedFile, LintOptions, LintResult, Rule, WorkersLintContext } from './types.js';

const WORKER_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

export function isWorkersFile(path: string): boolean {
  return WORKER_EXTENSIONS.has(extname(path).toLowerCase());
}

/** How a path is shown: as the user gave it, included files relative to cwd when inside it. */
export function makeDisplayPath(cwd: string, given: ReadonlyMap<string, string>) {
  return (file: string): string => {
    const abs = isAbsolute(file) ? file : resolve(cwd, file);
    const asGiven = given.get(abs);
    if (asGiven !== undefined) return asGiven;
    if (!isAbsolute(file)) return file;
    const rel = relative(cwd, file);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
  };
}

function readInput(path: string, cwd: string): Buffer {
  try {
    return readFileSync(resolve(cwd, path));
  } catch (e) {
    const message = `cannot read ${path}: ${describeFsError(e)}`;
    const diagnostic: Diagnostic = { file: path, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', ruleId: 'file-unreadable', message };
    throw new UserError(message, [diagnostic]);
  }
}

/**
 * A file without [supervisord] is a conf.d fragment, unless it holds what only a main file
 * holds ([include], servers, [supervisorctl], a miscased [supervisord]): then the missing
 * section is the error supervisord would report.
 */
function looksLikeMain(doc: IniDocument | undefined): boolean {
  if (!doc) return false;
  return doc.sections.some((b) => {
    const kind = sectionSpecFor(b.name)?.spec.kind;
    return kind === 'include' || kind === 'unix_http_server' || kind === 'inet_http_server' || kind === 'supervisorctl' || b.name.trim().toLowerCase() === 'supervisord';
  });
}

interface OneResult {
  diagnostics: Diagnostic[];
  files: LintedFile[];
  sources: Record<string, string>;
}

function lintIni(path: string, opts: LintOptions, rules: readonly Rule[], bytes: Buffer): OneResult {
  const absMain = resolve(opts.cwd, path);
  // the main file was just read (to report it unreadable as a usage error): not read twice
  const readFile = (file: string) => (file === absMain ? bytes : readFileSync(file));
  const display = makeDisplayPath(opts.cwd, new Map([[absMain, path]]));
  const base = { env: opts.env, hostname: opts.hostname ?? osHostname(), cwd: opts.cwd, host: opts.host };
  let loaded = loadConfig(path, { ...base, allowFragment: true }, readFile);
  let mode: 'full' | 'fragment' = loaded.result.config?.mode ?? (loaded.docs[0]?.sections.some((b) => b.name === 'supervisord') ? 'full' : 'fragment');
  if (mode === 'fragment' && looksLikeMain(loaded.docs[0])) {
    loaded = loadConfig(path, { ...base, allowFragment: false }, readFile);
    mode = 'full';
  }
  const docs = loaded.docs;
  const ctx: IniLintContext = {
    kind: 'ini',
    mainFile: docs[0]?.file ?? path,
    mode,
    docs,
    // the rules read values as written: loadConfig's merge is that one unless it replaced %(here)s
    ini: loaded.ini && !loaded.hereReplaced ? loaded.ini : mergeIni(docs),
    config: loaded.result.config,
    refusals: loaded.result.diagnostics,
    coveredRefusalIds: COVERED_REFUSAL_IDS,
    host: opts.host,
    env: opts.env,
    cwd: opts.cwd,
    displayPath: display,
  };
  const diagnostics = runRules(ctx, rules).map((d) => ({ ...d, file: display(d.file) }));
  const sources: Record<string, string> = {};
  const files: LintedFile[] = [];
  for (const [i, d] of docs.entries()) {
    const shown = display(d.file);
    sources[shown] = d.text;
    files.push(i === 0 ? { path: shown, mode } : { path: shown, mode, includedBy: path });
  }
  if (docs.length === 0) files.push({ path, mode });
  return { diagnostics, files, sources };
}

function lintWorkers(path: string, opts: LintOptions, rules: readonly Rule[]): OneResult {
  const text = readInput(path, opts.cwd).toString('utf8');
  const loaded = loadWorkers(text, path, { env: opts.env });
  const found = [...loaded.diagnostics];
  // What generate would refuse while encoding (values supervisord would misread, bad expansions).
  if (loaded.model && !found.some((d) => d.severity === 'error')) found.push(...buildDocument(loaded.model).diagnostics);
  const ctx: WorkersLintContext = { kind: 'workers', file: path, diagnostics: found, host: opts.host, env: opts.env, cwd: opts.cwd };
  return { diagnostics: runRules(ctx, rules), files: [{ path, mode: 'workers' }], sources: { [path]: text } };
}

/**
 * Lint each path: `.yaml`/`.yml`/`.json` as worker descriptions, anything else as a supervisord
 * config (a main file with its includes, or a conf.d fragment). Throws UserError (exit 2) when
 * a named file cannot be read; anything else unexpected is a bug (exit 3).
 */
export function lintFiles(paths: readonly string[], opts: LintOptions, rules: readonly Rule[] = RULES): LintResult {
  if (paths.length === 0) throw new UserError('lint: name at least one file (supervisord.conf, conf.d/*.conf, workers.yaml)');
  const all: Diagnostic[] = [];
  const files: LintedFile[] = [];
  const sources: Record<string, string> = {};
  for (const path of paths) {
    let one: OneResult;
    if (isWorkersFile(path)) one = lintWorkers(path, opts, rules);
    else {
      one = lintIni(path, opts, rules, readInput(path, opts.cwd));
    }
    all.push(...one.diagnostics);
    for (const f of one.files) if (!files.some((x) => x.path === f.path)) files.push(f);
    Object.assign(sources, one.sources);
  }
  let diagnostics = finish(all, sources);
  if (opts.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const warningCount = diagnostics.length - errorCount;
  const tooManyWarnings = opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && warningCount > opts.maxWarnings;
  return { diagnostics, files, sources, errorCount, warningCount, tooManyWarnings, exitCode: errorCount > 0 || tooManyWarnings ? 1 : 0 };
}
