#!/usr/bin/env node
// Bundles the compiled CLI (dist/src, after tsc and build-validator) into dist/bundle/, the
// `gen-supervisor` bin: a small entry file and one lazily imported chunk per command, commander
// and chalk inside them, so a start reads a handful of files instead of ~150 modules.
// Two CommonJS files sit beside the chunks and are required only on demand: validate-workers.cjs
// (the standalone workers.yaml validator, for commands that read a worker description) and
// yaml.cjs (eemeli/yaml, for the few files the quick YAML reader declines).
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

const common = { bundle: true, platform: 'node', target: 'node20', minifyWhitespace: true, minifySyntax: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: { 'gen-supervisor': `${root}dist/src/cli/main.js` },
  outdir: out,
  format: 'esm',
  splitting: true,
  chunkNames: '[name]-[hash]',
  define: { GEN_SUPERVISOR_BUNDLE: 'true' },
  // commander is CommonJS and requires node builtins: give every output file a real require.
  banner: { js: "import{createRequire as __gsCreateRequire}from'node:module';const require=__gsCreateRequire(import.meta.url);" },
  plugins: [inlineVersion],
});

await build({ ...common, entryPoints: ['yaml'], outfile: `${out}/yaml.cjs`, format: 'cjs', absWorkingDir: root });

copyFileSync(`${root}dist/src/workers/validate-workers.cjs`, `${out}/validate-workers.cjs`);
