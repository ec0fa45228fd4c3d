#!/usr/bin/env node
// The gen-supervisor bin (CommonJS: node starts a CommonJS file a few ms sooner than a module).
// The whole CLI is one CommonJS file, cli.cjs, compiled with the V8 code cache the build made
// for it (cli.cache): a start then skips most of the parsing and compiling of the CLI's code.
// V8 checks the cache against its version, its flags and the source, and compiles as usual when
// it does not fit, so a stale or missing cache only costs time.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, 'cli.cjs');
const cacheFile = join(__dirname, 'cli.cache');

let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const source = readFileSync(file, 'utf8');
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
const cli = { exports: {} };
script.runInThisContext().call(cli.exports, cli.exports, require('node:module').createRequire(file), cli, file, __dirname);

// The build (scripts/bundle.mjs) runs a few commands here, output discarded, then saves the
// code V8 compiled for them as the cache.
const training = process.env.GEN_SUPERVISOR_TRAIN_CACHE;
if (training) {
  (async () => {
    for (const { argv, cwd } of JSON.parse(training)) {
      const io = { ...cli.exports.processIo(), cwd, stdout: () => {}, stderr: () => {} };
      await cli.exports.main(argv, io);
    }
    writeFileSync(cacheFile, script.createCachedData());
  })();
} else {
  cli.exports.main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
