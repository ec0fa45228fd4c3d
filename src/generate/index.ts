export { generate, buildDocument, headerLines, type GenerateOptions, type BuiltDocument } from './generate.js';
export { generateFile, type GenerateFileOptions, type GenerateFileResult, type CheckOutcome } from './file.js';
export { writeFileAtomic } from './atomic.js';
export { unifiedDiff } from './diff.js';
export { DEFAULT_PROCESS_NAME } from './sections.js';
