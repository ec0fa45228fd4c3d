#!/usr/bin/env node
// The runner against the real supervisord 4.2.5 on 200 processes (numprocs=200, startsecs=0,
// command=sleep 1000), side by side, alternating, N runs each. Measured per run (see
// bench/README.md, "## run"): time to all RUNNING, CPU while idle, resident memory, time to stop,
// processes left. Prints medians and ratios; asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// What a user runs: the `bin` of package.json (the bundled CLI).
const { bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const CLI = join(ROOT, typeof bin === 'string' ? bin : bin['gen-supervisor']);
const SUPERVISORD = '/usr/bin/supervisord';
const CLK_TCK = 100; // Linux USER_HZ, the unit of utime/stime in /proc/PID/stat

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}
const RUNS = Math.max(3, option('runs', 3));
const PROCS = option('procs', 200);
const IDLE = option('idle', 5);
const KEEP = process.argv.includes('--keep');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A timeout that does not keep the process alive. */
const deadline = (ms, value) => new Promise((r) => setTimeout(() => r(value), ms).unref());

function conf(dir) {
  return `[supervisord]
logfile=${dir}/supervisord.log
pidfile=${dir}/supervisord.pid
childlogdir=${dir}

[program:s]
command=sleep 1000
process_name=s_%(process_num)d
numprocs=${PROCS}
startsecs=0
`;
}

/** utime+stime of `pid` in seconds, or null when it is gone. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // after the command: state(0) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(11) stime(12)
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
  } catch {
    return null;
  }
}

/** VmRSS of `pid` in KiB. */
function rssKiB(pid) {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** Live (non-zombie) processes of session `sid`. */
function sessionProcesses(sid) {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(f[3]) === sid && f[0] !== 'Z' && f[0] !== 'X') out.push(Number(name));
  }
  return out;
}

const LOG_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]{4} (.*)$/;

/**
 * One run of one supervisor: start it (own session), wait for PROCS `success:` lines, sample CPU
 * over IDLE seconds, read RSS, SIGTERM it, wait for its exit, count what is left.
 */
async function once(kind) {
  const dir = mkdtempSync(join(tmpdir(), `gs-bench-run-${kind}-`));
  const file = join(dir, 'supervisord.conf');
  writeFileSync(file, conf(dir));
  const [cmd, args] = kind === 'supervisord' ? [SUPERVISORD, ['-n', '-c', file]] : [process.execPath, [CLI, 'run', file]];
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const pid = child.pid;
  let successes = 0;
  let stops = 0;
  let allRunningAt = null;
  let lastStoppedAt = null;
  let handledAt = null;
  let startedAt = null;
  let spawnedAllAt = null;
  let spawns = 0;
  let pending = '';
  let reachedAll;
  const allRunning = new Promise((r) => (reachedAll = r));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (s) => {
    const now = performance.now();
    pending += s;
    let nl;
    while ((nl = pending.indexOf('\n')) !== -1) {
      const m = LOG_LINE.exec(pending.slice(0, nl));
      pending = pending.slice(nl + 1);
      if (!m) continue;
      if (m[1].startsWith('success: ') && ++successes === PROCS) {
        allRunningAt = now;
        reachedAll();
      }
      if (m[1].startsWith('stopped: ') && ++stops === PROCS) lastStoppedAt = now;
      if (m[1].startsWith('received SIGTERM')) handledAt = now;
      if (m[1].startsWith('supervisord started')) startedAt = now;
      if (m[1].startsWith('spawned: ') && ++spawns === PROCS) spawnedAllAt = now;
    }
  });
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  const exited = new Promise((r) => child.once('exit', () => r(performance.now())));
  const timeout = deadline(60_000, 'timeout');
  if ((await Promise.race([allRunning, exited, timeout])) !== undefined || allRunningAt === null) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
    throw new Error(`${kind}: ${successes}/${PROCS} success lines; stderr: ${stderr}`);
  }
  const cpu0 = cpuSeconds(pid);
  await sleep(IDLE * 1000);
  const cpu1 = cpuSeconds(pid);
  const rss = rssKiB(pid);
  // Both loops tick once a second in phase with the success lines (which are logged on a tick):
  // SIGTERM half a tick later, so that neither gets it just before or just after its tick.
  await sleep(500);
  const termAt = performance.now();
  process.kill(pid, 'SIGTERM');
  const exitAt = await Promise.race([exited, deadline(60_000, null)]);
  const left = sessionProcesses(pid);
  for (const p of left) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {}
  }
  if (exitAt === null) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
  return {
    allRunning: (allRunningAt - t0) / 1000,
    started: (startedAt - t0) / 1000,
    spawnedAll: (spawnedAllAt - t0) / 1000,
    idleCpu: cpu1 - cpu0,
    rssMiB: rss / 1024,
    stop: exitAt === null ? Infinity : (exitAt - termAt) / 1000,
    lastStopped: lastStoppedAt === null ? Infinity : (lastStoppedAt - termAt) / 1000,
    handled: handledAt === null ? Infinity : (handledAt - termAt) / 1000,
    left: left.length,
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

const results = { supervisord: [], runner: [] };
console.log(`${PROCS} processes (startsecs=0, sleep 1000), ${RUNS} runs each, alternating; idle window ${IDLE} s`);
for (let i = 0; i < RUNS; i++) {
  for (const kind of i % 2 === 0 ? ['supervisord', 'runner'] : ['runner', 'supervisord']) {
    const r = await once(kind);
    results[kind].push(r);
    console.log(
      `  run ${i + 1} ${kind.padEnd(11)} all RUNNING ${r.allRunning.toFixed(2)} s (started ${r.started.toFixed(2)}, ${PROCS} spawned ${r.spawnedAll.toFixed(2)})  idle CPU ${r.idleCpu.toFixed(2)} s  ` +
        `RSS ${r.rssMiB.toFixed(1)} MiB  stop ${r.stop.toFixed(2)} s (SIGTERM logged ${r.handled.toFixed(2)}, last stopped ${r.lastStopped.toFixed(2)})  left ${r.left}`,
    );
    await sleep(500);
  }
}

/** "No slower" allows this much (s): below it, the two medians are the same measurement (load noise, pipe latency). */
const SAME = 0.05;
const rows = [
  ['  started line (s)', 'started', () => true, 'information'],
  ['  all spawned (s)', 'spawnedAll', () => true, 'information'],
  ['all RUNNING (s)', 'allRunning', (o, s) => o <= s + SAME, 'no slower'],
  ['idle CPU over 5 s (s)', 'idleCpu', (o, s) => o <= s + 0.05, '<= supervisord + 0.05 s'],
  ['RSS (MiB)', 'rssMiB', (o, s) => o <= 2.5 * s, '<= 2.5x'],
  ['stop, SIGTERM to exit (s)', 'stop', (o, s) => o <= s + SAME, 'no slower'],
  ['processes left', 'left', (o) => o === 0, '0'],
];
console.log('');
console.log(`${'median'.padEnd(27)}${'supervisord'.padStart(12)}${'runner'.padStart(10)}${'ratio'.padStart(8)}  target`);
let allMet = true;
for (const [label, key, ok, target] of rows) {
  const s = median(results.supervisord.map((r) => r[key]));
  const o = median(results.runner.map((r) => r[key]));
  const met = ok(o, s);
  allMet &&= met;
  if (target === 'information') {
    console.log(`${label.padEnd(27)}${s.toFixed(2).padStart(12)}${o.toFixed(2).padStart(10)}${(o / s).toFixed(2).padStart(8)}`);
    continue;
  }
  const ratio = s === 0 ? (o === 0 ? '1.00' : 'inf') : (o / s).toFixed(2);
  const digits = key === 'left' ? 0 : 2;
  console.log(`${label.padEnd(27)}${s.toFixed(digits).padStart(12)}${o.toFixed(digits).padStart(10)}${ratio.padStart(8)}  ${target}: ${met ? 'met' : 'MISSED'}`);
}
console.log('');
console.log(allMet ? 'within target' : 'OVER TARGET');
