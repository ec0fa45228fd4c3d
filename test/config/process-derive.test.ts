// The later processes of a section worked out from the first: which sections qualify, and that
// what comes out equals the first process's own reading for its number. (Agreement of whole
// configs with supervisord: fixtures/config/agreement/ok-numprocs-templates.conf.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeIni, readIni } from '../../src/ini/index.js';
import { Resolver } from '../../src/config/context.js';
import { LayeredNames } from '../../src/config/names.js';
import { processDeriver } from '../../src/config/process-derive.js';
import { processesFromSection } from '../../src/config/resolve-process.js';

function setup(body: string, host = false) {
  const ini = mergeIni([readIni(`[program:p]\n${body}\n`, 'x.conf')]);
  const r = new Resolver(ini, { env: { FOO: 'foo', PCT: '5%' }, hostname: 'box', cwd: '/tmp', host, allowFragment: true }, 'x.conf', '/tmp');
  const section = ini.section('program:p')!;
  const processes = processesFromSection(r, section, 'p', 'program');
  const first = processes.find((p) => p.processNum === Math.min(...processes.map((q) => q.processNum)))!;
  const common = { here: '/tmp', program_name: 'p', host_node_name: 'box', group_name: 'p', numprocs: first.numprocs };
  const names = new LayeredNames([common, r.envNames], () => ({ ...r.envNames, ...common }));
  return { processes, derive: processDeriver(r, section, first, names), first };
}

const qualifies = [
  'command=/bin/sleep %(process_num)d\nprocess_name=%(program_name)s_%(process_num)02d\nnumprocs=3',
  'command=x\nprocess_name=w-%(process_num)-3d|%(process_num)+d\nnumprocs=3\nnumprocs_start=-1',
  'command=x %(ENV_FOO)s\nprocess_name=%(process_num)s\nnumprocs=2\ndirectory=/srv/%(process_num)d\nstdout_logfile=/tmp/%(program_name)s-%(process_num)02d.log',
  'command=x\nprocess_name=%(process_num)r\nnumprocs=2\nredirect_stderr=true\nstderr_logfile=/tmp/e-%(process_num)d.log',
  // code points beyond the BMP before the number, on the short way and on the NUL-marked one
  'command=x\nprocess_name=\u{1F600}%(program_name)s-%(process_num)d\nnumprocs=2',
  'command=x\nprocess_name=%(program_name)s\u{1F600}%(process_num)d%%x\nnumprocs=3',
];

for (const body of qualifies) {
  test(`derived processes equal the read ones: ${body.split('\n')[1]}`, () => {
    const { processes, derive, first } = setup(body);
    assert.ok(derive, 'the section qualifies');
    for (const p of processes) assert.deepEqual(derive(p.processNum), p.processNum === first.processNum ? first : p);
  });
}

const fallsBack = [
  // environment= names process_num: every process has its own ENV_ names
  'command=x %(ENV_N)s\nprocess_name=%(process_num)d\nnumprocs=2\nenvironment=N="%(process_num)d"',
  // a conversion that is not a decimal number
  'command=x\nprocess_name=%(process_num)x\nnumprocs=2',
  // a bare specifier prints the whole dict
  'command=x %s\nprocess_name=%(process_num)d\nnumprocs=2',
  // the log file's second expansion sees a `%`
  'command=x\nprocess_name=%(process_num)d\nnumprocs=2\nstdout_logfile=/tmp/%(ENV_PCT)s%%%%-%(process_num)d.log',
  // a per-process key other than the texts differs between processes
  'command=x\nprocess_name=%(process_num)d\nnumprocs=2\nstdout_logfile_backups=%(process_num)d',
];

for (const body of fallsBack) {
  test(`left to the full reading: ${body.split('\n').slice(1).join(' ')}`, () => {
    const { derive } = setup(body);
    assert.equal(derive, null);
  });
}

test('with host checks, a log folder that depends on the number is left to the full reading', () => {
  const { derive } = setup('command=/bin/true\nprocess_name=%(process_num)d\nnumprocs=2\nstdout_logfile=/tmp/%(process_num)d/x.log', true);
  assert.equal(derive, null);
});

test('process numbers print as Python prints them, plain specs by the short way too', () => {
  const { processes } = setup('command=x\nprocess_name=[%(process_num)d|%(process_num)03d|%(process_num)-4d|%(process_num)5s|%(process_num)05s|%(process_num)-3r|%(process_num)+d|%(process_num).2d|%(process_num)#5i]\nnumprocs=3\nnumprocs_start=9');
  assert.deepEqual(processes.map((p) => p.name), [
    '[10|010|10  |   10|   10|10 |+10|10|   10]',
    '[11|011|11  |   11|   11|11 |+11|11|   11]',
    '[9|009|9   |    9|    9|9  |+9|09|    9]',
  ]);
});
