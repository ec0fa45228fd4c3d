#!/usr/bin/env node
// Lint speed against supervisord's own parser, on a 16,000-line config (2,000 programs x
// numprocs 4 = 8,000 processes) and on a one-program config against a bare `node -e 0`.
//
//   node bench/lint.mjs [--runs N] [--keep]      (build first: npm run build)
//
// Each command runs as a fresh process, as a user or CI would run it: once to check its output,
// then N interleaved rounds (default 7); the table shows medians. A second pair of rows gives both
// tools 150 more environment variables (every ENV_ name is an expansion name). Targets: big file <= 0.2x supervisord's time; small file <= 2x node's
// own start-up. Prints only; it asserts nothing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigConfig, SMALL } from './lint-config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// What a user runs: the `bin` of package.json (the bundled CLI).
const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const cli = join(root, typeof bin === 'string' ? bin : bin['gen-supervisor']);
const python = '/usr/bin/python3';
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 7) || 7;
const keep = args.includes('--keep');

if (!existsSync(cli)) {
  console.error(`${cli} is missing: run \`npm run build\` first`);
  process.exit(1);
}

const REALIZE =
  'import sys; from supervisor.options import ServerOptions as S; o=S(); ' +
  'o.realize(["-c", sys.argv[1]], progname="supervisord"); ' +
  'print(sum(len(g.process_configs) for g in o.process_group_configs))';

function time(cmd, argv, cwd, env) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs every job once to check its output (a warm-up, not counted), then `runs` rounds that
 * run each job once in turn, so a busy moment of the machine affects all series alike.
 */
function benchAll(jobs, cwd) {
  for (const j of jobs) j.check(time(j.cmd, j.argv, cwd, j.env));
  const times = jobs.map(() => []);
  for (let i = 0; i < runs; i++) jobs.forEach((j, k) => times[k].push(time(j.cmd, j.argv, cwd, j.env).ms));
  return jobs.map((j, k) => ({ label: j.label, median: median(times[k]), min: Math.min(...times[k]), max: Math.max(...times[k]) }));
}

const dir = mkdtempSync(join(tmpdir(), 'gs-bench-lint-'));
try {
  mkdirSync(join(dir, 'logs'));
  mkdirSync(join(dir, 'run'));
  const big = join(dir, 'big.conf');
  const text = bigConfig(2000);
  writeFileSync(big, text);
  writeFileSync(join(dir, 'small.conf'), SMALL);
  const lines = text.split('\n').length;

  const lintOk = (what) => (r) => {
    if (r.status !== 0 && r.status !== 1) throw new Error(`lint ${what} exited ${r.status}: ${r.stderr}`);
    const findings = JSON.parse(r.stdout);
    const errors = findings.filter((d) => d.severity === 'error');
    if (errors.length) throw new Error(`lint ${what}: unexpected errors: ${errors.map((d) => d.message).join('; ')}`);
  };
  const realizeOk = (r) => {
    if (r.status !== 0) throw new Error(`supervisord refused the bench config: ${r.stderr}`);
    if (r.stdout.trim() !== '8000') throw new Error(`supervisord made ${r.stdout.trim()} processes, expected 8000`);
  };

  // The environment both tools see: this one, and this one plus 150 variables (CI runners carry
  // 100-200), because every ENV_ name is available to %-expansion in every value.
  const bigEnv = { ...process.env };
  for (let i = 0; i < 150; i++) bigEnv[`GS_BENCH_VAR_${i}`] = `value-${i}`;
  const envCount = Object.keys(process.env).length;
  const node = process.execPath;
  const rows = benchAll(
    [
      { label: 'supervisord realize() big.conf', cmd: python, argv: ['-c', REALIZE, big], check: realizeOk },
      { label: 'lint big.conf --format json', cmd: node, argv: [cli, 'lint', 'big.conf', '--format', 'json'], check: lintOk('big') },
      { label: 'lint --host big.conf --format json', cmd: node, argv: [cli, 'lint', '--host', 'big.conf', '--format', 'json'], check: lintOk('big --host') },
      { label: 'supervisord big.conf, +150 env vars', cmd: python, argv: ['-c', REALIZE, big], env: bigEnv, check: realizeOk },
      { label: 'lint big.conf, +150 env vars', cmd: node, argv: [cli, 'lint', 'big.conf', '--format', 'json'], env: bigEnv, check: lintOk('big +env') },
      { label: 'node -e 0', cmd: node, argv: ['-e', '0'], check: () => {} },
      { label: 'lint small.conf --format json', cmd: node, argv: [cli, 'lint', 'small.conf', '--format', 'json'], check: lintOk('small') },
      { label: 'lint --host small.conf --format json', cmd: node, argv: [cli, 'lint', '--host', 'small.conf', '--format', 'json'], check: lintOk('small --host') },
    ],
    dir,
  );
  const by = Object.fromEntries(rows.map((r) => [r.label, r]));
  const pad = (s, n) => String(s).padEnd(n);
  const num = (x) => x.toFixed(1).padStart(9);
  console.log(`lint benchmark: big.conf = ${lines} lines, 2000 programs x numprocs 4 (8000 processes); ${runs} runs each after a warm-up; ${envCount} env vars; node ${process.version}\n`);
  console.log(`${pad('command', 42)} ${'median ms'.padStart(9)} ${'min'.padStart(9)} ${'max'.padStart(9)}`);
  for (const r of rows) console.log(`${pad(r.label, 42)} ${num(r.median)} ${num(r.min)} ${num(r.max)}`);
  const sup = by['supervisord realize() big.conf'].median;
  const nodeStart = by['node -e 0'].median;
  const ratio = (a, b, target) => `${(a / b).toFixed(2)}x (target <= ${target}x: ${a / b <= target ? 'met' : 'MISSED'})`;
  console.log('');
  console.log(`big file:   lint / supervisord              = ${ratio(by['lint big.conf --format json'].median, sup, 0.2)}`);
  console.log(`            lint --host / supervisord       = ${ratio(by['lint --host big.conf --format json'].median, sup, 0.2)}`);
  console.log(`            lint / supervisord, +150 env    = ${ratio(by['lint big.conf, +150 env vars'].median, by['supervisord big.conf, +150 env vars'].median, 0.2)}`);
  console.log(`small file: lint / node -e 0                = ${ratio(by['lint small.conf --format json'].median, nodeStart, 2)}`);
  console.log(`            lint --host / node -e 0         = ${ratio(by['lint --host small.conf --format json'].median, nodeStart, 2)}`);
  if (keep) console.log(`\nfiles kept in ${dir}`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
