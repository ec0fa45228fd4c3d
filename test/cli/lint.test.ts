import assert from 'node:assert/strict';
import { ANSI, GOLDEN, VERSION, scenarios, type Scenario } from './support.js';

const input = (name: string) => ({ fixture: `cli/inputs/${name}` });

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  ruleId: string;
  message: string;
}

/** Parses the json format and checks every entry has exactly the DESIGN §3 shape. */
function parseJson(text: string): JsonDiagnostic[] {
  const data = JSON.parse(text) as unknown;
  assert.ok(Array.isArray(data), 'the json format is an array');
  for (const d of data as Record<string, unknown>[]) {
    assert.deepEqual(Object.keys(d).sort(), ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'ruleId', 'severity']);
    for (const k of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(d[k]) && (d[k] as number) >= 1, `${k} is 1-based: ${JSON.stringify(d)}`);
    assert.ok(d.severity === 'error' || d.severity === 'warning');
    assert.equal(typeof d.ruleId, 'string');
    assert.equal(typeof d.message, 'string');
    assert.ok(!(d.file as string).startsWith('/'), `file is relative to the cwd: ${String(d.file)}`);
  }
  return data as JsonDiagnostic[];
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
}

/** Checks the parts of SARIF 2.1.0 that GitHub code scanning reads, and returns the results. */
function parseSarif(text: string): SarifResult[] {
  const log = JSON.parse(text) as {
    $schema: string;
    version: string;
    runs: { tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } }; originalUriBaseIds?: Record<string, { uri: string }>; results: SarifResult[] }[];
  };
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const run = log.runs[0]!;
  assert.equal(run.tool.driver.name, 'gen-supervisor');
  assert.equal(run.tool.driver.version, VERSION);
  const rules = run.tool.driver.rules;
  assert.ok(rules.length > 10, 'every rule is described');
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
  for (const rule of rules) assert.ok(rule.shortDescription.text.length > 0, `rule ${rule.id} has a description`);
  for (const base of Object.values(run.originalUriBaseIds ?? {})) assert.match(base.uri, /^file:\/\/\/.*\/$/, 'a base URI is an absolute folder URI');
  for (const r of run.results) {
    assert.equal(rules[r.ruleIndex]?.id, r.ruleId, 'ruleIndex points at the rule');
    assert.ok(['error', 'warning', 'note'].includes(r.level));
    assert.ok(r.message.text.length > 0);
    const loc = r.locations[0]!.physicalLocation;
    assert.doesNotMatch(loc.artifactLocation.uri, /^(\/|[a-z]+:)/, 'artifact URIs are relative');
    if (loc.artifactLocation.uriBaseId) assert.ok(run.originalUriBaseIds?.[loc.artifactLocation.uriBaseId], 'uriBaseId is declared');
    assert.ok(loc.region.startLine! >= 1 && loc.region.startColumn! >= 1);
  }
  return run.results;
}

const SEED_ERROR = /^seed\.conf:17:14: error: .*process_name.*conversion character is missing.*%\(process_num\)02d.* \[expansion\]$/m;

const list: Scenario[] = [
  {
    name: 'lint-clean',
    args: ['lint', 'clean.conf'],
    files: { 'clean.conf': input('clean.conf') },
    expected: { exitCode: 0, stdout: '', stderr: 'linted clean.conf: a full supervisord config\n' },
  },
  {
    name: 'lint-seed-process-name',
    args: ['lint', 'seed.conf'],
    files: { 'seed.conf': input('seed.conf') },
    expected: {
      exitCode: 1,
      stdout: (s) => {
        assert.match(s, SEED_ERROR);
        // the offending line and a caret under the value
        assert.match(s, /^ {2}17 \| process_name=my-app-worker-%\(process_num\)\n {5}\| {14}\^{28}$/m);
        assert.match(s, /^\d+ problems? \(1 error, \d+ warnings?\)$/m);
        // a process_name supervisord refuses cannot also be "used twice": no cascade finding
        assert.doesNotMatch(s, /duplicate-process-name/);
      },
    },
  },
  {
    name: 'lint-warnings-only',
    args: ['lint', 'warnings.conf'],
    files: { 'warnings.conf': input('warnings.conf') },
    expected: { exitCode: 0, stdout: GOLDEN, stderr: 'linted warnings.conf: a full supervisord config\n' },
  },
  {
    name: 'lint-max-warnings-0',
    args: ['lint', '--max-warnings', '0', 'warnings.conf'],
    files: { 'warnings.conf': input('warnings.conf') },
    expected: { exitCode: 1, stdout: /did you mean autorestart\?/, stderr: /too many warnings: 1 > --max-warnings 0/ },
  },
  {
    name: 'lint-max-warnings-1',
    args: ['lint', '--max-warnings', '1', 'warnings.conf'],
    files: { 'warnings.conf': input('warnings.conf') },
    expected: { exitCode: 0, stdout: /unknown-key/, stderr: (s) => assert.doesNotMatch(s, /too many/) },
  },
  {
    name: 'lint-max-warnings-not-a-number',
    args: ['lint', '--max-warnings', 'some', 'warnings.conf'],
    files: { 'warnings.conf': input('warnings.conf') },
    expected: { exitCode: 2, stdout: '', stderr: /--max-warnings some: expected a whole number/ },
  },
  {
    name: 'lint-quiet-hides-warnings',
    args: ['lint', '--quiet', 'warnings.conf'],
    files: { 'warnings.conf': input('warnings.conf') },
    expected: { exitCode: 0, stdout: '' },
  },
  {
    name: 'lint-quiet-keeps-errors',
    args: ['lint', '-q', 'seed.conf'],
    files: { 'seed.conf': input('seed.conf') },
    expected: {
      exitCode: 1,
      stdout: (s) => {
        assert.match(s, SEED_ERROR);
        assert.doesNotMatch(s, /: warning:/);
      },
    },
  },
  {
    name: 'lint-stylish-tty-colour',
    args: ['lint', 'warnings.conf'],
    files: { 'warnings.conf': input('warnings.conf') },
    tty: true,
    color: true,
    expected: { exitCode: 0, stdout: (s) => assert.match(s, ANSI, 'colour on a terminal') },
  },
  {
    name: 'lint-stylish-tty-no-color-env',
    args: ['lint', 'warnings.conf'],
    files: { 'warnings.conf': input('warnings.conf') },
    tty: true,
    env: { NO_COLOR: '1' },
    expected: { exitCode: 0, stdout: /^ {5}\| \^{12}$/m },
  },
  {
    name: 'lint-stylish-force-color',
    args: ['lint', '--color', 'warnings.conf'],
    files: { 'warnings.conf': input('warnings.conf') },
    color: true,
    expected: { exitCode: 0, stdout: (s) => assert.match(s, ANSI) },
  },
  {
    name: 'lint-stylish-no-color-flag-on-tty',
    args: ['lint', '--no-color', 'warnings.conf'],
    files: { 'warnings.conf': input('warnings.conf') },
    tty: true,
    expected: { exitCode: 0, stdout: /unknown-key/ },
  },
  {
    name: 'lint-json',
    args: ['lint', '--format', 'json', 'seed.conf'],
    files: { 'seed.conf': input('seed.conf') },
    expected: {
      exitCode: 1,
      stderr: '',
      stdout: (s) => {
        const error = parseJson(s).find((d) => d.severity === 'error');
        assert.deepEqual(
          { ...error, message: undefined },
          { file: 'seed.conf', line: 17, column: 14, endLine: 17, endColumn: 42, severity: 'error', ruleId: 'expansion', message: undefined },
        );
        assert.match(error!.message, /conversion character is missing/);
      },
    },
  },
  {
    name: 'lint-json-clean',
    args: ['lint', '-f', 'json', 'clean.conf'],
    files: { 'clean.conf': input('clean.conf') },
    expected: { exitCode: 0, stderr: '', stdout: (s) => assert.deepEqual(JSON.parse(s), []) },
  },
  {
    name: 'lint-sarif',
    args: ['lint', '-f', 'sarif', 'seed.conf', 'conf.d/api.conf'],
    files: { 'seed.conf': input('seed.conf'), 'conf.d/api.conf': input('conf.d/api.conf') },
    expected: {
      exitCode: 1,
      stderr: '',
      stdout: (s) => {
        const results = parseSarif(s);
        const error = results.find((r) => r.level === 'error')!;
        assert.equal(error.ruleId, 'expansion');
        assert.equal(error.locations[0]!.physicalLocation.artifactLocation.uri, 'seed.conf');
        assert.deepEqual(error.locations[0]!.physicalLocation.region, { startLine: 17, startColumn: 14, endLine: 17, endColumn: 42 });
        const fragment = results.find((r) => r.ruleId === 'unknown-key')!;
        assert.equal(fragment.locations[0]!.physicalLocation.artifactLocation.uri, 'conf.d/api.conf');
      },
    },
  },
  {
    name: 'lint-sarif-clean',
    args: ['lint', '-f', 'sarif', 'clean.conf'],
    files: { 'clean.conf': input('clean.conf') },
    expected: { exitCode: 0, stderr: '', stdout: (s) => assert.deepEqual(parseSarif(s), []) },
  },
  {
    name: 'lint-github',
    args: ['lint', '-f', 'github', 'seed.conf', 'warnings.conf'],
    files: { 'seed.conf': input('seed.conf'), 'warnings.conf': input('warnings.conf') },
    expected: {
      exitCode: 1,
      stderr: '',
      stdout: (s) => {
        for (const line of s.trimEnd().split('\n')) assert.match(line, /^::(error|warning) file=[^,]+,line=\d+,col=\d+(,endLine=\d+,endColumn=\d+)?,title=[\w-]+::\S/);
        // `%` is escaped as %25 in workflow command data
        assert.match(s, /^::error file=seed\.conf,line=17,col=14,.*title=expansion::.*%25\(process_num\)02d/m);
        assert.match(s, /^::warning file=warnings\.conf,line=16,col=1,.*title=unknown-key::.*autorestart/m);
      },
    },
  },
  {
    name: 'lint-github-clean',
    args: ['lint', '-f', 'github', 'clean.conf'],
    files: { 'clean.conf': input('clean.conf') },
    expected: { exitCode: 0, stdout: '', stderr: '' },
  },
  {
    name: 'lint-unknown-format',
    args: ['lint', '-f', 'xml', 'clean.conf'],
    files: { 'clean.conf': input('clean.conf') },
    expected: { exitCode: 2, stdout: '', stderr: /--format xml: expected one of stylish, json, sarif, github/ },
  },
  {
    name: 'lint-missing-file',
    args: ['lint', 'missing.conf'],
    expected: { exitCode: 2, stdout: '', stderr: /missing\.conf.*no such file/ },
  },
  {
    name: 'lint-no-files',
    args: ['lint'],
    expected: { exitCode: 2, stdout: '', stderr: /missing required argument 'files'/ },
  },
  {
    name: 'lint-several-files',
    args: ['lint', 'conf.d/api.conf', 'workers.yaml', 'clean.conf'],
    files: { 'conf.d/api.conf': input('conf.d/api.conf'), 'workers.yaml': input('workers.yaml'), 'clean.conf': input('clean.conf') },
    expected: {
      exitCode: 0,
      stdout: /^conf\.d\/api\.conf:3:1: warning: .*'stopwaitsec'.*did you mean stopwaitsecs\?.*\[unknown-key\]$/m,
      stderr: (s) => {
        assert.match(s, /conf\.d\/api\.conf: a fragment \(no \[supervisord\] section: conf\.d mode\)/);
        assert.match(s, /workers\.yaml: a worker description/);
        assert.match(s, /clean\.conf: a full supervisord config/);
      },
    },
  },
  {
    name: 'lint-follows-include',
    args: ['lint', '-f', 'json', 'with-include.conf'],
    files: { 'with-include.conf': input('with-include.conf'), 'conf.d/api.conf': input('conf.d/api.conf') },
    expected: {
      exitCode: 0,
      stdout: (s) => assert.deepEqual(parseJson(s).map((d) => [d.file, d.line, d.ruleId]), [['conf.d/api.conf', 3, 'unknown-key']]),
    },
  },
  {
    name: 'lint-workers-yaml-findings',
    args: ['lint', 'bad.yaml', 'broken.yaml'],
    files: { 'bad.yaml': input('schema-errors.yaml'), 'broken.yaml': input('not-yaml.yaml') },
    expected: {
      exitCode: 1,
      stdout: (s) => {
        assert.match(s, /^bad\.yaml:4:5: error: .*did you mean command\? \[workers-schema\]$/m);
        assert.match(s, /^broken\.yaml:\d+:\d+: error: not valid YAML.* \[workers-syntax\]$/m);
      },
    },
  },
  {
    name: 'lint-disable-next-line',
    args: ['lint', 'disabled.conf'],
    files: { 'disabled.conf': input('disabled.conf') },
    // warnings.conf is the same file without the comment, and has the finding (lint-warnings-only)
    expected: { exitCode: 0, stdout: '' },
  },
  {
    name: 'lint-host-off',
    args: ['lint', 'host.conf'],
    files: { 'host.conf': input('host.conf') },
    expected: { exitCode: 0, stdout: '' },
  },
  {
    name: 'lint-host-missing-log-folder',
    args: ['lint', '--host', 'host.conf'],
    files: { 'host.conf': input('host.conf') },
    expected: {
      exitCode: 1,
      stdout: /^host\.conf:16:16: error: .*\/no\/such\/folder.* \[host-path\]$/m,
      stderr: /\(with host checks\)/,
    },
  },
];

scenarios('gen-supervisor lint', list);
