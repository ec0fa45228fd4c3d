// The runner's library entry points (the CLI's `run` command calls these).
export { runFile, processSignals, monotonicClock, type RunOptions, type RunResult, type RunnerSignal, type SignalSource } from './run.js';
export { dryRun, dryRunReport, formatDryRunText, type DryRunReport, type DryRunProcess, type DryRunLog } from './dry-run.js';
export { loadRunSource, generatedName, type RunSource, type RunSourceOptions } from './load.js';
export { parseDuration } from './duration.js';
export { formatSummary, displayName, lastExitText, anyFailed } from './summary.js';
export { toMachineGroups, toProcessSpec, keptProcesses, type MappedConfig, type MappedProcess } from './to-machine.js';
