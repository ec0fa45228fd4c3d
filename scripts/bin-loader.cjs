#!/usr/bin/env node
// The gen-supervisor bin (CommonJS: node starts a CommonJS file a few ms sooner than a module).
// The whole CLI is one CommonJS file, cli.cjs, compiled with a V8 code cache the build made for
// it: a start then skips most of the parsing and compiling of the CLI's code. V8 checks the cache
// against its version, its flags and the source, and compiles as usual when it does not fit, so
// a stale or missing cache only costs time.
'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const vm = require('node:vm');

/** Inputs above this size make a lint "big" (the bench's 16,000-line config is ~500 KiB). */
const BIG_INPUT = 64 * 1024;

/**
 * A lint of big inputs runs without V8's optimizing compiler: in one run of a few hundred ms its
 * background compiles and deoptimisations cost more than the optimised code wins back (medians
 * of 7, 2-core machine: 4,000 lines 117 -> 95 ms, 16,000 lines 211 -> 169 ms, 32,000 lines 315
 * -> 297 ms). Small runs keep it: changing a flag also makes node compile its own internal
 * modules again (1-2 ms, about what a 50 KiB input gains). Option values (`--format json`) are
 * looked at as files too: harmless, they are small or absent.
 */
function bigLint(argv) {
  if (argv[0] !== 'lint') return false;
  let total = 0;
  for (const arg of argv.slice(1)) {
    try {
      total += statSync(arg).size;
    } catch {
      // not a file: an option, or a file the lint itself will report
    }
  }
  return total > BIG_INPUT;
}

function load(lean) {
  if (lean) {
    // node compiles its own modules from a built-in cache made under default flags: the ones the
    // CLI uses (output streams included) are loaded before the flag changes
    require('node:module');
    require('node:os');
    void process.stdout;
    void process.stderr;
    require('node:v8').setFlagsFromString('--no-opt');
  }
  const file = join(__dirname, 'cli.cjs');
  const cacheFile = join(__dirname, lean ? 'cli-noopt.cache' : 'cli.cache');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const cli = { exports: {} };
  // this file's own require serves: cli.cjs sits beside it
  script.runInThisContext().call(cli.exports, cli.exports, require, cli, file, __dirname);
  return { cli: cli.exports, script, cacheFile };
}

// The build (scripts/bundle.mjs) runs a few commands here, output discarded, then saves the
// code V8 compiled for them as the cache of that flag setting.
const training = process.env.GEN_SUPERVISOR_TRAIN_CACHE;
if (training) {
  const { lean, runs } = JSON.parse(training);
  const { cli, script, cacheFile } = load(lean);
  (async () => {
    for (const { argv, cwd } of runs) await cli.main(argv, { ...cli.processIo(), cwd, stdout: () => {}, stderr: () => {} });
    writeFileSync(cacheFile, script.createCachedData());
  })();
} else {
  const argv = process.argv.slice(2);
  load(bigLint(argv)).cli.main(argv).then((code) => {
    process.exitCode = code;
    // A lint has nothing left to do once its report is written: leave as soon as both streams
    // have flushed, instead of waiting for node to tear the whole heap down (2-3 ms on a big file).
    if (argv[0] === 'lint') process.stdout.write('', () => process.stderr.write('', () => process.exit()));
  });
}
