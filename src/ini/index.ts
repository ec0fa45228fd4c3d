export type * from './types.js';
export { readIni, iniErrorText, missingSectionHeaderText, parsingErrorsText, splitLines, matchHeader, DEFAULT_SECTION } from './reader.js';
export { mergeIni, type IniConfig, type IniConfigSection, type MergeOptions } from './merge.js';
export {
  writeIni,
  checkSectionName,
  checkKey,
  checkValue,
  type IniWriteDocument,
  type IniWriteSection,
  type IniWriteEntry,
} from './writer.js';
export { inlineCommentStart, isFullLineComment, INLINE_COMMENT_PREFIXES, COMMENT_PREFIXES } from './comment.js';
export { pyRepr, pyStrip, pyRstrip, pyIsSpace, pyFirstNonSpace, pyLower, columnAt } from './python.js';
