export { lintFiles, isWorkersFile } from './lint-files.js';
export { RULES, ruleById, ruleMeta, COVERED_REFUSAL_IDS } from './registry.js';
export { runRules, finish } from './engine.js';
export { parseDirectives, isDisabled, applyDirectives } from './directives.js';
export { renderAllRuleDocs, renderRuleDoc, renderRuleIndex } from './docs.js';
export type * from './types.js';
