// The runner equivalence scenarios: one config under fixtures/compat/run/ each, how long to run it
// and when to stop early. Every scenario is built so that both supervisord and the runner behave
// deterministically (children that exec directly or die with their shell, stops requested when
// the process is far from its own exit, startsecs long enough for a death noticed one tick
// late): the compared sequences then do not depend on timing, only on semantics.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/tmp.js';
import type { LogLine } from '../../support/supervisord.js';
import { count, type Until } from './run-pair.js';

export const RUN_FIXTURES = join(repoRoot(), 'fixtures/compat/run');

export interface RunScenario {
  name: string;
  /** What it checks (printed in the test name). */
  what: string;
  /** The longest it may run (`--for` / `seconds`). */
  seconds: number;
  /** SIGTERM as soon as this holds. */
  until?: Until;
  /** Files beside the config. */
  files?: Record<string, { text: string; mode: number }>;
  /** Lines (`LEVL message`, pids as PID) that both transcripts must contain: proves the scenario did what it means to. */
  mustSee: string[];
  /** The boot order must be exactly this (process names of first `spawned:` lines). */
  bootOrder?: string[];
  /** supervisord's stop order by group (Transcript.stopGroups) must be exactly this. */
  stopGroups?: string[];
  /** Child log files (relative to the config's folder) whose contents must be identical. */
  compareFiles?: string[];
  /** The umask both supervisors are started with. */
  umask?: number;
  /** No process may be left in either supervisor's session. */
  noLeftovers?: boolean;
}

export function scenarioConf(s: RunScenario): string {
  return readFileSync(join(RUN_FIXTURES, `${s.name}.conf`), 'utf8');
}

const AS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

const atLeast = (re: RegExp, n: number) => (lines: LogLine[]) => count(lines, re) >= n;

const WEB = ['web_0', 'web_1', 'web_10', 'web_2', 'web_3', 'web_4', 'web_5', 'web_6', 'web_7', 'web_8', 'web_9'];

export const RUN_SCENARIOS: RunScenario[] = [
  {
    name: 'crash-loop',
    what: 'a crash loop: BACKOFF retries, then FATAL',
    seconds: 20,
    until: /gave up: crash /,
    mustSee: [
      'WARN exited: crash (exit status 1; not expected)',
      'INFO gave up: crash entered FATAL state, too many start retries too quickly',
    ],
  },
  {
    name: 'early-exit',
    what: 'startsecs=0 and exitcodes: expected exit stays EXITED, unexpected with autorestart=false too',
    seconds: 6,
    mustSee: [
      'INFO exited: expected3 (exit status 3; expected)',
      'WARN exited: unexpected4 (exit status 4; not expected)',
    ],
  },
  {
    name: 'restart-loop',
    what: 'autorestart=true restarts a program that exits 0 after RUNNING',
    seconds: 20,
    until: atLeast(/^INFO success: looper /, 2),
    mustSee: ['INFO exited: looper (exit status 0; expected)'],
    noLeftovers: true,
  },
  {
    name: 'autorestart-false',
    what: 'autorestart=false and an expected exit leave the process EXITED; autostart=false; [include] lines',
    seconds: 5,
    files: { 'extra-one.ini': { text: '[program:included]\ncommand=sleep 1000\nstopasgroup=true\n', mode: 0o644 } },
    mustSee: [
      'WARN exited: once (exit status 5; not expected)',
      'INFO exited: clean (exit status 0; expected)',
      'INFO Included extra file "HERE/extra-one.ini" during parsing',
      'WARN stopped: included (terminated by SIGTERM)',
    ],
  },
  {
    name: 'priorities',
    what: 'priority and numprocs: start order, group-by-group stop order',
    seconds: 15,
    until: atLeast(/^INFO success: /, 16),
    mustSee: ["INFO spawned: 'web_10' with pid PID", 'WARN stopped: db (terminated by SIGTERM)'],
    bootOrder: ['db', 'cache-00', 'cache-01', 'zz', 'aa', ...WEB],
    stopGroups: [`web: ${WEB.join(', ')}`, 'jobs: aa, zz', 'cache: cache-00, cache-01', 'db: db'],
  },
  {
    name: 'ignore-term',
    what: 'a process that ignores SIGTERM is SIGKILLed after stopwaitsecs',
    seconds: 10,
    until: atLeast(/^INFO success: /, 2),
    mustSee: ["WARN killing 'stubborn' (PID) with SIGKILL", 'WARN stopped: stubborn (terminated by SIGKILL)'],
    stopGroups: ['stubborn: stubborn', 'polite: polite'],
  },
  {
    name: 'missing-command',
    what: 'a missing or non-executable command: spawnerr, BACKOFF, FATAL',
    seconds: 20,
    until: atLeast(/^INFO gave up: /, 4),
    files: { 'not-executable.sh': { text: '#!/bin/sh\nexit 0\n', mode: 0o644 } },
    mustSee: [
      "INFO spawnerr: can't find command '/nonexistent/bin/ghost'",
      "INFO spawnerr: can't parse command '/bin/echo \"unterminated': No closing quotation",
      "INFO spawnerr: command at '/tmp' is a directory",
      'INFO gave up: ghost entered FATAL state, too many start retries too quickly',
      'INFO gave up: noexec entered FATAL state, too many start retries too quickly',
    ],
  },
  {
    name: 'exitcodes',
    what: 'exitcodes=0,2: exit 2 expected (no restart), exit 3 unexpected (restarted)',
    seconds: 20,
    until: atLeast(/^INFO success: code3 /, 2),
    mustSee: ['INFO exited: code2 (exit status 2; expected)', 'WARN exited: code3 (exit status 3; not expected)'],
    noLeftovers: true,
  },
  {
    name: 'stopsignal',
    what: 'stopsignal INT / QUIT trapped by the program, which exits with its own code',
    seconds: 10,
    until: atLeast(/^INFO success: /, 2),
    mustSee: ['INFO stopped: int7 (exit status 7)', 'WARN stopped: quit3 (exit status 3)'],
    noLeftovers: true,
  },
  {
    name: 'stopasgroup',
    what: 'stopasgroup stops a shell and its background grandchild; nothing is left',
    seconds: 10,
    until: /^INFO success: family /,
    mustSee: ['WARN stopped: family (terminated by SIGTERM)'],
    noLeftovers: true,
  },
  {
    name: 'shutdown-states',
    what: 'shutdown with processes STARTING, BACKOFF, FATAL and EXITED',
    seconds: 15,
    // after the second quick exit the next retry is 2 s away: the shutdown finds it in BACKOFF
    until: atLeast(/^WARN exited: backoff /, 2),
    mustSee: ['WARN stopped: starting (terminated by SIGTERM)', 'INFO gave up: fatal entered FATAL state, too many start retries too quickly'],
  },
  {
    name: 'environment',
    what: "the child's environment, directory, umask, log files, numprocs_start",
    seconds: 10,
    until: atLeast(/^INFO (success|gave up): /, 4),
    mustSee: ["INFO spawned: 'num_6' with pid PID", 'WARN exited: nodir (exit status 127; not expected)'],
    compareFiles: ['env.out', 'env.err', 'num-5.log', 'num-6.log', 'nodir.out', 'nodir.err'],
    noLeftovers: true,
  },
  {
    name: 'inherit',
    what: 'what a child inherits: ignored signals, open fds, umask, limits, its own group',
    seconds: 10,
    until: /^INFO success: inherit /,
    umask: 0o077,
    mustSee: ['WARN stopped: inherit (terminated by SIGTERM)'],
    compareFiles: ['inherit.out'],
    noLeftovers: true,
  },
  {
    name: 'user',
    what: 'user=: ids, supplementary groups, environment; a directory the user may not enter',
    seconds: 10,
    until: atLeast(/^INFO (success|gave up): /, 2),
    mustSee: AS_ROOT
      ? ['WARN exited: privdir (exit status 127; not expected)', 'WARN stopped: who (terminated by SIGTERM)']
      : ['INFO gave up: privdir entered FATAL state, too many start retries too quickly'],
    compareFiles: ['who.out', 'privdir.out'],
    noLeftovers: true,
  },
];
