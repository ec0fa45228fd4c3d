#!/usr/bin/env node
// How long `gen-supervisor generate` takes on a large workers file, against a bare `node -e 0`.
// Target: the median generate run within 4x the median bare node start.
//   node bench/generate.mjs [--runs N] [--programs N] [--keep]
// Needs a build (`npm run build`); prints a small table, asserts nothing. It runs what users
// run: the `bin` of package.json (the bundled CLI in dist/bundle/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const cli = join(root, typeof bin === 'string' ? bin : bin['gen-supervisor']);

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}
const runs = Math.max(7, flag('--runs', 9));
const programs = flag('--programs', 2000);
const keep = process.argv.includes('--keep');

if (!existsSync(cli)) {
  console.error(`${cli} is missing: run \`npm run build\` first`);
  process.exit(1);
}

/** A realistic file: defaults, groups, numprocs, argv and plain commands, environments with hard values. */
function workersFile(n) {
  const lines = [
    'version: 1',
    'vars:',
    '  app: /srv/app',
    '  logs: /var/log/supervisor',
    'supervisord:',
    '  logfile: ${logs}/supervisord.log',
    '  environment: { APP_ENV: production, RATE: "100%" }',
    'control:',
    '  socket: /run/supervisor.sock',
    '  chmod: "0700"',
    'defaults:',
    '  autorestart: true',
    '  stopwaitsecs: 30',
    '  environment: { TZ: UTC, LANG: "C.UTF-8" }',
    'programs:',
  ];
  for (let i = 0; i < n; i++) {
    lines.push(`  worker-${i}:`);
    if (i % 2 === 0) {
      lines.push(`    command: php \${app}/artisan queue:work --queue=q${i} --sleep=3 --tries=3`);
    } else {
      lines.push(`    command: [php, "\${app}/artisan", "queue:work", "--name=job ${i}; urgent", "50%"]`);
    }
    if (i % 5 === 0) lines.push('    numprocs: 4');
    lines.push(`    stdout_logfile: \${logs}/%(program_name)s_%(process_num)02d.log`);
    lines.push(`    environment: { QUEUE: "q${i}", GREETING: 'say "hi", ${i}', PATH_LIKE: "/usr/bin:/bin" }`);
    if (i % 3 === 0) lines.push(`    priority: ${100 + (i % 900)}`);
  }
  lines.push('groups:');
  for (let g = 0; g < n / 100; g++) {
    const members = Array.from({ length: 10 }, (_, k) => `worker-${g * 100 + k}`);
    lines.push(`  batch-${g}: [${members.join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

function timeRun(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 2000)}`);
  return { ms, out: r.stdout.length };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'gs-bench-generate-'));
try {
  const file = join(dir, 'workers.yaml');
  writeFileSync(file, workersFile(programs));
  const bare = [];
  const gen = [];
  let outBytes = 0;
  // Interleaved, so that a slow moment of the machine hits both series alike; one warm-up each.
  timeRun(['-e', '0']);
  timeRun([cli, 'generate', file]);
  for (let i = 0; i < runs; i++) {
    bare.push(timeRun(['-e', '0']).ms);
    const g = timeRun([cli, 'generate', file]);
    gen.push(g.ms);
    outBytes = g.out;
  }
  const b = median(bare);
  const g = median(gen);
  const ratio = g / b;
  const row = (name, xs, med) =>
    `${name.padEnd(28)} ${med.toFixed(1).padStart(9)} ${Math.min(...xs).toFixed(1).padStart(9)} ${Math.max(...xs).toFixed(1).padStart(9)}`;
  console.log(`generate benchmark: ${programs} programs, ${(statSync(file).size / 1024).toFixed(0)} KiB YAML -> ${(outBytes / 1024).toFixed(0)} KiB INI, ${runs} runs each (node ${process.version})`);
  console.log(`${'command'.padEnd(28)} ${'median ms'.padStart(9)} ${'min ms'.padStart(9)} ${'max ms'.padStart(9)}`);
  console.log(row('node -e 0', bare, b));
  console.log(row('gen-supervisor generate', gen, g));
  console.log(`ratio ${ratio.toFixed(2)}x the bare node start (target <= 4x): ${ratio <= 4 ? 'within target' : 'OVER TARGET'}`);
  if (keep) console.log(`workers file kept: ${file}`);
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
