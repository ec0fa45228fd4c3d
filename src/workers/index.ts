export { loadWorkers, loadWorkersFile, type LoadOptions, type LoadResult } from './load.js';
export type { WorkersModel, ProcessModel, ControlModel, GroupModel, ModelOption, Options, OptionValue, ProcessKind } from './model.js';
export { buildWorkersSchema, PROCESS_MAPS, SCHEMA_ID, type JsonSchema } from './schema.js';
export { schemaJson } from './schema-json.js';
