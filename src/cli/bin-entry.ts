// What dist/bundle/cli.cjs exports to its loader (scripts/bin-loader.cjs): the CLI's main and the
// io it runs with, so that the build can run commands in-process to train the code cache.
export { main } from './program.js';
export { processIo } from './io.js';
