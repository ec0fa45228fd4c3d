export * from './types.js';
export { SupervisorMachine, type Mood, type RpcFault, type RpcResult } from './supervisor.js';
export { ProcessMachine, processKey, type SpawnResult } from './process.js';
export { sortGroups, sortProcessesLikeSupervisord, stopOrder, compareCodePoints } from './order.js';
export { signame, signalNumber, SIGKILL } from './signals.js';
export { decodeExit, type DecodedExit } from './exit-status.js';
export { POLL_TIMEOUT, nextTickDue } from './timing.js';
export { performActions, type HostPort } from './drive.js';
