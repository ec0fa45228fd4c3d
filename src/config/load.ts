/**
 * loadConfig: what `supervisord -c FILE` reads before it validates anything: the main file,
 * its `[include]` files (globs relative to the main file's folder, each pattern's matches sorted,
 * `%(here)s` replaced textually per file), merged into one INI; then resolveConfig.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { mergeIni, readIni, iniErrorText, type IniConfig, type IniDocument } from '../ini/index.js';
import { expand, formatExpansionError } from '../codecs/expansion.js';
import { pyCompare } from '../codecs/python.js';
import { pySplit as splitWhitespace } from '../codecs/simple.js';
import { decodeLikePython } from './decode.js';
import { pyGlob, pyJoin, type GlobFs, nodeGlobFs } from './pyglob.js';
import { placeholderFor } from './context.js';
import { resolveConfig } from './resolve.js';
import { RULE_IDS } from './rule-ids.js';
import type { ResolveContext, ResolveResult } from './types.js';

export interface LoadResult {
  /** Every document read: the main file first, then each included file in supervisord's order. */
  docs: IniDocument[];
  result: ResolveResult;
  /**
   * The merged INI resolution read (absent when no file could be read). Its values had
   * `%(here)s` replaced textually when `hereReplaced` (an [include], or a lone fragment).
   */
  ini?: IniConfig;
  hereReplaced?: boolean;
}

/** Reads a file's bytes; throws an error with `code` ENOENT when it does not exist. */
export type ReadFile = (path: string) => Uint8Array | string;

export interface LoadOptions {
  /** File system for the `[include]` globs (tests). */
  globFs?: GlobFs;
}

type Read = { ok: true; text: string } | { ok: false; missing: boolean; decode?: ReturnType<typeof decodeLikePython> };

function readText(path: string, readFile: ReadFile | undefined): Read {
  let raw: Uint8Array | string;
  try {
    if (readFile) raw = readFile(path);
    else {
      // os.path.exists then open(): a folder exists but cannot be read
      if (statSync(path).isDirectory()) return { ok: false, missing: false };
      raw = readFileSync(path);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' };
  }
  if (typeof raw === 'string') return { ok: true, text: raw };
  const decoded = decodeLikePython(raw);
  if (!decoded.ok) return { ok: false, missing: false, decode: decoded };
  return { ok: true, text: decoded.text };
}

function syntaxDiagnostic(doc: IniDocument): Diagnostic | null {
  const text = iniErrorText(doc);
  if (text === null) return null;
  const first = doc.errors[0]!;
  return { file: doc.file, line: first.line, column: first.column, severity: 'error', ruleId: RULE_IDS.iniSyntax, message: text };
}

export function loadConfig(mainPath: string, ctx: ResolveContext, readFile?: ReadFile, opts: LoadOptions = {}): LoadResult {
  const absMain = resolvePath(ctx.cwd, mainPath);
  const diagnostics: Diagnostic[] = [];
  const main = readText(absMain, readFile);
  if (!main.ok) {
    const at = { file: mainPath, line: 1, column: 1 };
    if (main.decode && !main.decode.ok) {
      diagnostics.push({ ...at, line: main.decode.line, column: main.decode.column, severity: 'error', ruleId: RULE_IDS.encoding, message: main.decode.message });
    } else {
      const message = main.missing ? `could not find config file ${mainPath}` : `could not read config file ${mainPath}`;
      diagnostics.push({ ...at, severity: 'error', ruleId: RULE_IDS.fileUnreadable, message });
    }
    return { docs: [], result: { config: null, diagnostics } };
  }

  const mainDoc = readIni(main.text, mainPath);
  const docs: IniDocument[] = [mainDoc];
  const syntax = syntaxDiagnostic(mainDoc);
  if (syntax) diagnostics.push(syntax);
  if (mainDoc.errors[0]?.kind === 'no-section-header') {
    return { docs, result: { config: null, diagnostics } };
  }

  const here = dirname(absMain);
  const warnings: string[] = [];
  const infos: string[] = [];
  const hereDirs: string[] = [here];
  // only [include] needs the main file merged on its own (its files= as supervisord reads it)
  const named = (name: string) => mainDoc.sections.some((b) => !b.isDefault && b.name === name);
  const include = named('include') ? mergeIni([mainDoc], { hereDirs: [here] }).section('include') : undefined;
  if (include) {
    const filesEntry = include.get('files');
    if (!filesEntry) {
      diagnostics.push({
        file: include.file,
        line: include.pos.line,
        column: include.pos.column,
        severity: 'error',
        ruleId: RULE_IDS.missingSection,
        message: '.ini file has [include] section, but no files setting',
      });
    } else {
      const names: Record<string, string> = { here, host_node_name: ctx.hostname };
      for (const [k, v] of Object.entries(ctx.env)) if (v !== undefined) names[`ENV_${k}`] = v;
      const lenientNames = { ...names };
      if (!ctx.host) {
        // offline, an unknown ENV_ name is assumed set; patterns holding its placeholder are skipped
        const r = expand(filesEntry.value, names);
        if (!r.ok && r.kind === 'unknown-name' && r.name.startsWith('ENV_')) {
          for (const m of filesEntry.value.matchAll(/%\(ENV_([^)]*)\)/g)) {
            const n = `ENV_${m[1]}`;
            if (!(n in lenientNames)) lenientNames[n] = placeholderFor(n);
          }
        }
      }
      const expanded = expand(filesEntry.value, lenientNames);
      if (!expanded.ok) {
        const pos = { file: filesEntry.file, line: filesEntry.valuePos.line, column: filesEntry.valuePos.column };
        const rule = expanded.kind === 'unknown-name' && expanded.name.startsWith('ENV_') ? RULE_IDS.hostEnv : RULE_IDS.expansion;
        diagnostics.push({ ...pos, severity: 'error', ruleId: rule, message: formatExpansionError(filesEntry.value, 'include.files', expanded, Object.keys(names)) });
      } else {
        const placeholders = Object.keys(lenientNames).filter((k) => !(k in names)).map((k) => lenientNames[k]!);
        for (const pattern of splitWhitespace(expanded.value)) {
          if (placeholders.some((p) => pattern.includes(p))) continue;
          const joined = pyJoin(here, pattern);
          const matches = pyGlob(joined, opts.globFs ?? nodeGlobFs);
          if (matches.length === 0) {
            warnings.push(`No file matches via include ${quoteDouble(joined)}`);
            continue;
          }
          for (const file of matches.sort(pyCompare)) {
            infos.push(`Included extra file ${quoteDouble(file)} during parsing`);
            const got = readText(file, readFile);
            if (!got.ok) {
              if (got.decode && !got.decode.ok) {
                diagnostics.push({ file, line: got.decode.line, column: got.decode.column, severity: 'error', ruleId: RULE_IDS.encoding, message: got.decode.message });
              }
              continue; // configparser.read() skips files it cannot open
            }
            const doc = readIni(got.text, file);
            const bad = syntaxDiagnostic(doc);
            if (bad) diagnostics.push(bad);
            docs.push(doc);
            hereDirs.push(resolvePath(dirname(file)));
          }
        }
      }
    }
  }

  // A lone fragment is read as an included file is (see fragment.ts): `%(here)s` replaced textually.
  const asFragment = ctx.allowFragment && !named('supervisord');
  const hereReplaced = Boolean(include || asFragment);
  const ini = mergeIni(docs, hereReplaced ? { hereDirs } : {});
  const result = resolveConfig(ini, ctx, {
    mainFile: mainPath,
    files: docs.map((d) => d.file),
    parseWarnings: warnings,
    parseInfos: infos,
  });
  result.diagnostics.unshift(...diagnostics);
  return { docs, result, ini, hereReplaced };
}

/** Python's `"%s"` inside double quotes: the text as is. */
function quoteDouble(s: string): string {
  return `"${s}"`;
}
