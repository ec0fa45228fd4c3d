// The runner under faults: a child flooding its stdout, a child SIGKILLed from outside (compared
// with supervisord 4.2.5 doing the same), and SIGTERM to the runner while it starts up.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processGroupMembers } from '../support/procs.js';
import { requireSupervisord, tempDir, type LogLine } from '../support/supervisord.js';
import { assertEquivalent, count, dump, lastPidOf, runPair, runRunner, type Side } from './support/run-pair.js';
import { RUN_FIXTURES } from './support/run-scenarios.js';

const conf = (name: string) => readFileSync(join(RUN_FIXTURES, name), 'utf8');
const MiB = 1024 * 1024;
/** The most one pipe read can add past maxbytes (supervisord reads up to 128 KiB; node 64 KiB). */
const READ_CHUNK = 128 * 1024;

function timeOf(lines: readonly LogLine[], re: RegExp): number | null {
  const l = lines.find((x) => re.test(`${x.level} ${x.message}`));
  return l ? l.time : null;
}


/**
 * An `until` that SIGKILLs NAME's current pid (read from this side's own `spawned:` line) once
 * `when` holds, and is satisfied when `done` holds. Works for both sides: it only reads the log.
 */
function killFromOutside(name: string, when: (lines: LogLine[]) => boolean, done: (lines: LogLine[]) => boolean) {
  let killed = false;
  return (lines: LogLine[]): boolean => {
    if (!killed && when(lines)) {
      const pid = lastPidOf(lines, name);
      if (pid !== null) {
        killed = true;
        process.kill(pid, 'SIGKILL');
      }
    }
    return killed && done(lines);
  };
}

describe('runner faults', { concurrency: 1 }, () => {
  before(() => requireSupervisord());

  it('a child writing 50 MB does not stall the runner nor the other processes; rotation keeps its bounds', async () => {
    const dir = tempDir('gs-run-flood-');
    writeFileSync(join(dir, 'supervisord.conf'), conf('flood.conf'));
    const forSeconds = 8;
    const r = await runRunner(join(dir, 'supervisord.conf'), dir, { seconds: forSeconds });
    const why = dump({ ...r, lines: r.lines } as Side, r) + `\nfiles: ${readdirSync(dir).join(', ')}`;
    // the other program reached RUNNING on time: first tick (1 s) + startsecs (2 s) + one tick
    const started = timeOf(r.lines, /^INFO supervisord started /);
    const success = timeOf(r.lines, /^INFO success: other /);
    assert.ok(started !== null && success !== null, `no success line for other${why}`);
    assert.ok(success - started <= 4.5, `success: other came ${(success - started).toFixed(2)} s after start${why}`);
    assert.ok(timeOf(r.lines, /^INFO success: flood /) !== null, `no success line for flood${why}`);
    // stopped promptly at the end of --for (node starts in well under 1 s; both stop at once)
    assert.ok(r.wall <= forSeconds + 3, `runner took ${r.wall.toFixed(2)} s for --for ${forSeconds}s${why}`);
    assert.deepEqual(r.leftovers, [], `leftovers${why}`);
    // rotation: flood.log + at most 3 backups, each within maxbytes + one read
    const files = readdirSync(dir).filter((f) => /^flood\.log(\.\d+)?$/.test(f)).sort();
    assert.deepEqual(files, ['flood.log', 'flood.log.1', 'flood.log.2', 'flood.log.3'], why);
    for (const f of files) {
      const size = statSync(join(dir, f)).size;
      assert.ok(size <= MiB + READ_CHUNK, `${f} is ${size} bytes${why}`);
    }
    for (const f of files.slice(1)) assert.ok(statSync(join(dir, f)).size >= MiB, `${f} was rotated before reaching maxbytes${why}`);
    // every byte was read before the end: the marker written after the 50 MB is in the live file
    assert.match(readFileSync(join(dir, 'flood.log'), 'utf8'), /FLOOD-DONE\n$/, `the flood was not read to its end${why}`);
  });

  it('a RUNNING child SIGKILLed from outside: as supervisord (exited, restarted)', async () => {
    const until = () =>
      killFromOutside(
        'victim',
        (lines) => count(lines, /^INFO success: victim /) >= 1,
        (lines) => count(lines, /^INFO success: victim /) >= 2,
      );
    const { real, ours } = await runPair('sigkill-running', conf('sigkill.conf'), { seconds: 15, untilReal: until(), untilRunner: until() });
    await assertEquivalent(
      { mustSee: ['WARN exited: victim (terminated by SIGKILL; not expected)', 'INFO success: victim entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)'], noLeftovers: true },
      real,
      ours,
    );
  });

  it('a STARTING child SIGKILLed from outside: as supervisord (BACKOFF, retried)', async () => {
    const until = () =>
      killFromOutside(
        'victim',
        (lines) => count(lines, /^INFO spawned: 'victim' /) >= 1,
        (lines) => count(lines, /^INFO success: victim /) >= 1,
      );
    const { real, ours } = await runPair('sigkill-starting', conf('sigkill-starting.conf'), { seconds: 15, untilReal: until(), untilRunner: until() });
    await assertEquivalent({ mustSee: ['WARN exited: victim (terminated by SIGKILL; not expected)'], noLeftovers: true }, real, ours);
  });

  for (const at of [0.05, 0.15, 0.3, 'started', 'spawning'] as const) {
    it(`SIGTERM to the runner during startup (${typeof at === 'number' ? `${at} s after it starts` : at === 'started' ? 'at its started line' : 'while it spawns 30 processes'}) leaves no process`, async () => {
      const dir = tempDir('gs-run-early-term-');
      writeFileSync(join(dir, 'supervisord.conf'), conf('many.conf'));
      let sent = false;
      const r = await runRunner(join(dir, 'supervisord.conf'), dir, {
        seconds: 20,
        ...(typeof at === 'number' ? { termAfter: at } : {}),
        ...(typeof at === 'string'
          ? {
              until: (lines: LogLine[]) => {
                sent ||= at === 'started' ? count(lines, /^INFO supervisord started /) > 0 : count(lines, /^INFO spawned: /) > 0;
                return sent;
              },
            }
          : {}),
      });
      const spawned = r.lines.map((l) => /^spawned: '.*' with pid (\d+)$/.exec(l.message)).filter((m) => m !== null).map((m) => Number(m![1]));
      const why = dump(r, r) + `\nexit ${r.exitCode}`;
      assert.ok(r.wall < 8, `the runner took ${r.wall.toFixed(2)} s to exit${why}`);
      assert.deepEqual(r.leftovers, [], `processes left in the runner's session${why}`);
      assert.deepEqual(processGroupMembers(spawned), [], `processes left in the children's groups${why}`);
      if (at === 'spawning') assert.ok(spawned.length > 0, `nothing was spawned${why}`);
    });
  }
});
