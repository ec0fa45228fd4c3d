export { prepareSpawn, childEnvironment, realSpawnProbe, type SpawnContext, type SpawnProbe, type PreparedSpawn } from './spawn-check.js';
export { startChild, signalChild, childFailureText, type Child, type StartChildOptions, type StartResult, type SignalResult } from './child.js';
export { RotatingFile, type RotatingFileOptions } from './rotating-file.js';
export {
  createAutoChildLog, autoChildLogPattern, clearAutoChildLogs, childLogPaths, openChildLogs, outputRecorder,
  type Channel, type ChildLogs, type OutputRecorderOptions,
} from './child-log.js';
export { stripAnsi, pyBytesRepr, outputDebugMessage } from './output-text.js';
export { MainLog, formatLogLine, levelNumber, LEVEL_NUMBERS, type LogLevelName, type MainLogOptions } from './main-log.js';
export { ConsoleOutput, type ConsoleOutputOptions } from './console-output.js';
