export type * from './types.js';
export { loadConfig, type LoadResult, type LoadOptions, type ReadFile } from './load.js';
export { resolveConfig } from './resolve.js';
export { RULE_IDS, ALL_RULE_IDS, type RuleId } from './rule-ids.js';
export { systemHost, type HostProbe, type PasswdEntry, type GroupEntry } from './host.js';
export { decodeLikePython } from './decode.js';
export { pyGlob, fnmatch } from './pyglob.js';
