// The mapping to the machine keeps supervisord's start order; checked against supervisord's own
// parser (the oracle lists groups and processes in start order).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRunSource } from '../../src/runner/load.js';
import { toMachineGroups } from '../../src/runner/to-machine.js';
import { oracleParse, requireSupervisord, tempDir } from '../support/supervisord.js';

const ENV = { PATH: '/usr/bin:/bin', TMPDIR: '/tmp' };

function write(text: string): string {
  const dir = tempDir('gs-runner-map-');
  const path = join(dir, 'supervisord.conf');
  writeFileSync(path, `[supervisord]\nlogfile=%(here)s/supervisord.log\nchildlogdir=%(here)s\n\n${text}`);
  return path;
}

const load = (path: string) => loadRunSource(path, { env: ENV, cwd: '/tmp' });

function ours(path: string): string[][] {
  return load(path).mapped.groups.map((g) => [g.name, ...g.processes.map((p) => p.name)]);
}

async function theirs(path: string): Promise<string[][]> {
  const r = await oracleParse(path, { cwd: '/tmp', env: ENV, cleanEnv: true });
  assert.ok(r.accepted, r.error ?? r.crash ?? 'refused');
  // the oracle lists every group config; supervisord's add_process_group skips a taken name
  const seen = new Set<string>();
  return r.groups!.filter((g) => !seen.has(g.name) && Boolean(seen.add(g.name)))
    .map((g) => [g.name, ...g.processes.map((p) => p.name)]);
}

const CASES: Record<string, string> = {
  'priority then name': `
[program:b]
command=sleep 1
priority=5
[program:a]
command=sleep 1
priority=5
[program:c]
command=sleep 1
priority=1
[program:d]
command=sleep 1
`,
  'numprocs in lexical name order, process priority first': `
[program:n]
command=sleep 1
numprocs=12
process_name=n_%(process_num)d
`,
  '[group:x] keeps the programs= list order, not member priorities': `
[group:g]
programs=z,a,m
[program:a]
command=sleep 1
priority=1
[program:z]
command=sleep 1
priority=99
[program:m]
command=sleep 1
numprocs=3
process_name=m%(process_num)d
`,
  'same name and priority: group < program < eventlistener (the first kept)': `
[eventlistener:dup]
command=sleep 1
events=TICK_60
priority=5
[program:dup]
command=sleep 2
priority=5
[group:other]
programs=x
priority=5
[program:x]
command=sleep 1
`,
};

test('to-machine: start order equals supervisord\'s', async (t) => {
  requireSupervisord();
  for (const [name, text] of Object.entries(CASES)) {
    await t.test(name, async () => {
      const path = write(text);
      assert.deepEqual(ours(path), await theirs(path));
    });
  }
});

test('to-machine: expected orders written out', () => {
  assert.deepEqual(ours(write(CASES['priority then name']!)), [['c', 'c'], ['a', 'a'], ['b', 'b'], ['d', 'd']]);
  assert.deepEqual(ours(write(CASES['numprocs in lexical name order, process priority first']!))[0],
    ['n', 'n_0', 'n_1', 'n_10', 'n_11', 'n_2', 'n_3', 'n_4', 'n_5', 'n_6', 'n_7', 'n_8', 'n_9']);
  assert.deepEqual(ours(write(CASES['[group:x] keeps the programs= list order, not member priorities']!)),
    [['g', 'z', 'a', 'm0', 'm1', 'm2']]);
  const dup = load(write(CASES['same name and priority: group < program < eventlistener (the first kept)']!));
  assert.deepEqual(dup.mapped.groups.map((g) => [g.name, g.kind]), [['dup', 'program'], ['other', 'group']]);
  assert.equal(dup.mapped.byKey.get('dup:dup')?.config.command, 'sleep 2');
});

test('to-machine: process specs carry the resolved timing and stop settings', () => {
  const path = write(`
[program:w]
command=sleep 1
startsecs=0
startretries=7
autorestart=true
exitcodes=0,2
stopsignal=INT
stopwaitsecs=3
stopasgroup=true
`);
  const spec = toMachineGroups(load(path).config).processes[0]!.spec;
  assert.deepEqual(spec, {
    name: 'w', group: 'w', priority: 999, autostart: true, startsecs: 0, startretries: 7, autorestart: true,
    exitcodes: [0, 2], stopsignal: { name: 'INT', number: 2 }, stopwaitsecs: 3, stopasgroup: true, killasgroup: true,
  });
});
