// The bundled CLI (the bin of package.json, dist/bundle/) is the same program as the unbundled
// dist/src/cli/main.js that the other CLI tests run, and loads only what each command needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempDir } from '../support/tmp.js';

const ROOT = repoRoot();
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const BIN = join(ROOT, PKG.bin['gen-supervisor']!);
const UNBUNDLED = join(ROOT, 'dist/src/cli/main.js');

/** Logs every CommonJS module required (createRequire included) to stderr as `required: ID`. */
const SPY = `const M = require('node:module'); const load = M._load;
M._load = function (request, ...rest) { process.stderr.write('required: ' + request + '\\n'); return load.call(this, request, ...rest); };`;

function run(cli: string, args: string[], cwd: string, preload?: string) {
  const r = spawnSync(process.execPath, [...(preload ? ['--require', preload] : []), cli, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the bin is the bundle and it was built', () => {
  assert.match(PKG.bin['gen-supervisor']!, /^dist\/bundle\//);
  assert.ok(existsSync(BIN), `${BIN} is missing: run \`npm run build\``);
});

test('the bundle and the unbundled CLI give the same results', () => {
  const dir = tempDir('gs-bundle-');
  writeFileSync(join(dir, 'plain.yaml'), 'version: 1\nprograms:\n  web:\n    command: [php, artisan, "queue:work", "50%"]\n    numprocs: 2\n');
  // An anchor: the quick reader declines it, so eemeli/yaml (yaml.cjs in the bundle) reads it.
  writeFileSync(join(dir, 'anchor.yaml'), 'version: 1\nx: &env {A: "1"}\nprograms:\n  web: {command: run, environment: *env}\n');
  writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nprograms:\n  web: {comand: run}\n');
  writeFileSync(join(dir, 'one.conf'), '[program:web]\ncommand=/bin/cat\n');
  const cases = [['--version'], ['generate', 'plain.yaml'], ['generate', 'anchor.yaml'], ['generate', 'bad.yaml'], ['lint', 'one.conf'], ['lint', 'bad.yaml'], ['schema']];
  for (const args of cases) {
    const a = run(BIN, args, dir);
    const b = run(UNBUNDLED, args, dir);
    assert.deepEqual(a, b, args.join(' '));
  }
  assert.equal(run(BIN, ['--version'], dir).stdout.trim(), PKG.version);
});

test('lint of a supervisord config loads neither eemeli/yaml nor the schema validator', () => {
  const dir = tempDir('gs-bundle-');
  writeFileSync(join(dir, 'spy.cjs'), SPY);
  writeFileSync(join(dir, 'one.conf'), '[program:web]\ncommand=/bin/cat\n');
  writeFileSync(join(dir, 'w.yaml'), 'version: 1\nprograms:\n  web: {command: run}\n');
  const lint = run(BIN, ['lint', 'one.conf'], dir, join(dir, 'spy.cjs'));
  assert.equal(lint.code, 0, lint.stderr);
  assert.doesNotMatch(lint.stderr, /required: .*(yaml|validate-workers)/);
  // The spy does see them when a worker description is read: the check above can fail.
  const generate = run(BIN, ['generate', 'w.yaml'], dir, join(dir, 'spy.cjs'));
  assert.equal(generate.code, 0, generate.stderr);
  assert.match(generate.stderr, /required: \.\/validate-workers\.cjs/);
  assert.doesNotMatch(generate.stderr, /required: .*yaml/);
});

test('a big lint (the bin runs it without the optimizing compiler) gives the same results', () => {
  const dir = tempDir('gs-bundle-');
  const sections = Array.from({ length: 600 }, (_, i) => `[program:app${i}]\ncommand=/bin/sleep ${i}\nprocess_name=%(program_name)s_%(process_num)02d\nnumprocs=2\nstdout_logfile=/tmp/app${i % 580}-%(process_num)d.log\n`);
  writeFileSync(join(dir, 'big.conf'), `[supervisord]\n${sections.join('\n')}`);
  assert.ok(readFileSync(join(dir, 'big.conf')).length > 64 * 1024);
  for (const args of [['lint', 'big.conf', '--format', 'json'], ['lint', 'big.conf']]) {
    const a = run(BIN, args, dir);
    const b = run(UNBUNDLED, args, dir);
    assert.equal(a.code, 0, a.stderr);
    assert.deepEqual(a, b, args.join(' '));
  }
});
