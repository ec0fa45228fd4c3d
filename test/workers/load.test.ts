import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLocated } from '../../src/core/diagnostic.js';
import { UserError } from '../../src/core/errors.js';
import { loadWorkers, loadWorkersFile } from '../../src/workers/load.js';

const lines = (text: string, opts = {}) => loadWorkers(text, 'w.yaml', opts).diagnostics.map(formatLocated);

test('a valid file gives a model in YAML order', () => {
  const { model, diagnostics } = loadWorkers('version: 1\nprograms:\n  b: {command: x}\n  a: {command: y}\n', 'w.yaml');
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(model!.processes.map((p) => p.name), ['b', 'a']);
  assert.deepEqual(model!.processes[1]!.at, { file: 'w.yaml', line: 4, column: 3 });
});

test('JSON is read too, and its syntax errors are located', () => {
  assert.equal(loadWorkers('{"version": 1, "programs": {"a": {"command": "x"}}}', 'w.json').model!.processes.length, 1);
  const d = loadWorkers('{"version": 1,\n "programs": {"a": 1,,}}', 'w.json').diagnostics;
  assert.equal(d[0]!.line, 2);
  assert.match(d[0]!.message, /^not valid JSON/);
});

test('every schema error is reported at once, at the key or the value', () => {
  assert.deepEqual(lines('version: 1\nprograms:\n  a:\n    command: x\n    numprocs: "2"\n    autostrat: true\n'), [
    'w.yaml:5:15: programs.a.numprocs must be an integer, not "2"',
    'w.yaml:6:5: unknown key "autostrat" in programs.a; did you mean autostart?',
  ]);
});

test('a misspelt required key is said once, as "did you mean"', () => {
  assert.deepEqual(lines('version: 1\nprograms:\n  a:\n    comand: x\n'), ['w.yaml:4:5: unknown key "comand" in programs.a; did you mean command?']);
});

test('a file that is not a mapping is refused', () => {
  assert.match(lines('- a\n- b\n')[0]!, /^w\.yaml:1:1: a worker description is a mapping/);
  assert.equal(lines('').length, 1);
});

test('--var wins over vars:, ${env:X} reads the given environment, $${ is literal', () => {
  const text = 'version: 1\nvars: {a: file, b: "${a}-b"}\nprograms:\n  p:\n    command: "${a} ${b} ${env:E} $${a}"\n';
  const { model } = loadWorkers(text, 'w.yaml', { vars: { a: 'cli' }, env: { E: 'env' } });
  assert.equal(model!.processes[0]!.options.command!.value, 'cli cli-b env ${a}');
});

test('an unresolvable template is a located error, never an empty string', () => {
  assert.deepEqual(lines('version: 1\nprograms:\n  p:\n    command: run ${nope}\n    directory: ${env:NOPE}\n'), [
    'w.yaml:4:14: ${nope}: unknown variable nope; define it under vars: or pass --var nope=VALUE',
    'w.yaml:5:16: ${env:NOPE}: the environment variable NOPE is not set',
  ]);
});

test('defaults merge under each program; environment maps merge key by key', () => {
  const text = 'version: 1\ndefaults:\n  user: www\n  environment: {A: "1", B: "2"}\nprograms:\n  p:\n    command: x\n    environment: {B: "3", C: 4}\n  q:\n    command: y\n    user: root\n';
  const { model } = loadWorkers(text, 'w.yaml');
  const [p, q] = model!.processes;
  assert.equal(p!.options.user!.value, 'www');
  assert.equal(p!.options.user!.at.line, 3);
  assert.deepEqual(p!.options.environment!.value, { A: '1', B: '3', C: '4' });
  assert.equal(p!.options.environment!.entries!.A!.line, 4);
  assert.equal(p!.options.environment!.entries!.C!.line, 8);
  assert.equal(q!.options.user!.value, 'root');
});

test('names are unique across programs, event listeners and fcgi programs', () => {
  const text = 'version: 1\nprograms:\n  a: {command: x}\neventlisteners:\n  a: {command: x, events: [TICK_5]}\n';
  assert.match(lines(text)[0]!, /^w\.yaml:5:3: eventlistener "a" is also defined under programs/);
});

test('YAML anchors and merge keys work, x- keys are ignored', () => {
  const text = 'version: 1\nx-base: &b {user: u}\nprograms:\n  a:\n    <<: *b\n    command: x\n';
  assert.equal(loadWorkers(text, 'w.yaml').model!.processes[0]!.options.user!.value, 'u');
});

test('an unreadable file is a UserError (exit 2)', () => {
  assert.throws(() => loadWorkersFile('/nonexistent/workers.yaml'), (e) => e instanceof UserError && e.exitCode === 2);
});
