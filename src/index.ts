// The library: the same functions the command line calls.
export type { Diagnostic, Severity, SourcePos } from './core/diagnostic.js';
export { formatLocated } from './core/diagnostic.js';
export { UserError } from './core/errors.js';
export { SECTIONS, sectionSpecFor, optionSpec } from './catalogue/index.js';
export { readIni, mergeIni, writeIni } from './ini/index.js';
export { loadConfig, resolveConfig } from './config/index.js';
export type { ResolvedConfig, ResolvedProcess, ResolvedGroup, ResolveContext } from './config/types.js';
export { loadWorkers, loadWorkersFile, schemaJson } from './workers/index.js';
export { generate, generateFile } from './generate/index.js';
export { lintFiles, RULES } from './lint/index.js';
export { formatterFor, FORMATS } from './formatters/index.js';
export { runFile, dryRun, parseDuration } from './runner/index.js';
