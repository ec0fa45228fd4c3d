#!/usr/bin/env node
// Bundles the compiled CLI (dist/src, after tsc and build-validator) into dist/bundle/, the
// `gen-supervisor` bin: one CommonJS file with every command (cli.cjs, commander and chalk
// inside), V8 code caches for it made here by running a few commands (cli.cache, and
// cli-noopt.cache for big lints, see bin-loader.cjs), and the small
// loader that compiles the one with the other (gen-supervisor.cjs, from scripts/bin-loader.cjs).
// A start then reads three files and compiles little. Two CommonJS files sit beside them and are
// required only on demand: validate-workers.cjs (the standalone workers.yaml validator, for
// commands that read a worker description) and yaml.cjs (eemeli/yaml, for the few files the
// quick YAML reader declines).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist/bundle`;
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

// dist/src/cli/version.js finds package.json three folders up; from dist/bundle/ it is two. The
// bundle is built from this package.json, so it carries the version instead of reading it.
const inlineVersion = {
  name: 'inline-version',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]src[\\/]cli[\\/]version\.js$/ }, () => ({
      contents: `export function packageVersion() { return ${JSON.stringify(version)}; }\n`,
      loader: 'js',
    }));
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// A config like the ones users lint: programs with numprocs, logs, environment, a group.
const TRAIN_CONF = `[unix_http_server]
file=/tmp/gs-train.sock

[supervisord]
logfile=%(here)s/supervisord.log

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix:///tmp/gs-train.sock

[program:queue]
command=php /var/www/artisan queue:work redis --sleep=3 --tries=3
process_name=%(program_name)s_%(process_num)02d
numprocs=4
autorestart=true
stdout_logfile=%(here)s/%(program_name)s-%(process_num)02d.log
stopwaitsecs=3600

[program:celery]
command=/srv/venv/bin/celery -A proj worker -l INFO ; comment
process_name=celery-%(process_num)d
numprocs=2
environment=DJANGO_SETTINGS_MODULE="proj.settings",PYTHONUNBUFFERED="1"
stderr_logfile=%(here)s/celery-%(process_num)d.err
redirect_stderr=true

[group:workers]
programs=queue,celery
`;

// Builtins only some commands need (the runner's, generate -o's, --host's, commander's
// subcommand spawning): required when first used, not when the one-file CLI loads, so a lint
// does not load child_process, crypto or net (a few ms each at every start). Each becomes a
// module of functions that forward to the real one (with `new` too: net's Socket).
const LAZY_BUILTINS = /^node:(child_process|crypto|net)$/;
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: LAZY_BUILTINS }, (args) => ({ path: args.path, namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const name = args.path.slice('node:'.length);
      const real = await import(args.path);
      const names = Object.keys(real).filter((k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k) && typeof real[k] === 'function');
      const forward = (k) =>
        `export function ${k}(...a) { const f = real().${k}; return new.target ? new f(...a) : f.apply(this, a); }`;
      return { contents: `let m;\nconst real = () => (m ??= require(${JSON.stringify(name)}));\n${names.map(forward).join('\n')}\n`, loader: 'js' };
    });
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', minifyWhitespace: true, minifySyntax: true, logLevel: 'warning' };

// The CLI as one CommonJS file: the bin (scripts/bin-loader.cjs) compiles it with a V8 code cache.
await build({
  ...common,
  entryPoints: [`${root}dist/src/cli/bin-entry.js`],
  outfile: `${out}/cli.cjs`,
  format: 'cjs',
  define: { GEN_SUPERVISOR_BUNDLE: 'true', 'import.meta.url': '__gsImportMetaUrl' },
  banner: { js: "const __gsImportMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
  plugins: [inlineVersion, lazyBuiltins],
});
copyFileSync(`${root}scripts/bin-loader.cjs`, `${out}/gen-supervisor.cjs`);
chmodSync(`${out}/gen-supervisor.cjs`, 0o755);

await build({ ...common, entryPoints: ['yaml'], outfile: `${out}/yaml.cjs`, format: 'cjs', absWorkingDir: root });

copyFileSync(`${root}dist/src/workers/validate-workers.cjs`, `${out}/validate-workers.cjs`);

// The code caches: the bin runs what users run most (lint of a config, generate of a worker
// description) and saves the code V8 compiled for it, once with V8's default flags and once
// without its optimizing compiler (what the bin uses for big lints). Made by this node for it.
const train = mkdtempSync(join(tmpdir(), 'gs-bundle-train-'));
try {
  writeFileSync(join(train, 'train.conf'), TRAIN_CONF);
  const runs = [
    { argv: ['lint', 'train.conf', '--format', 'json'], cwd: train },
    { argv: ['lint', 'train.conf'], cwd: train },
    { argv: ['generate', `${root}fixtures/examples/workers.yaml`], cwd: train },
  ];
  // the lean cache serves lints only: what generate compiles would only make it longer to load
  for (const [lean, cache] of [[false, 'cli.cache'], [true, 'cli-noopt.cache']]) {
    const env = { ...process.env, GEN_SUPERVISOR_TRAIN_CACHE: JSON.stringify({ lean, runs: lean ? runs.filter((r) => r.argv[0] === 'lint') : runs }) };
    const r = spawnSync(process.execPath, [`${out}/gen-supervisor.cjs`], { env, encoding: 'utf8' });
    if (r.status !== 0 || !existsSync(`${out}/${cache}`)) throw new Error(`making the code cache ${cache} failed: ${r.stderr}`);
  }
} finally {
  rmSync(train, { recursive: true, force: true });
}
