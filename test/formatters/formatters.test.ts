import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { colorEnabled, formatGithub, formatJson, formatSarif, formatStylish, formatterFor, type FormatContext } from '../../src/formatters/index.js';

const diags: Diagnostic[] = [
  { file: 'supervisord.conf', line: 3, column: 14, endLine: 3, endColumn: 43, severity: 'error', ruleId: 'expansion', message: "Format string 'w-%(process_num)' is badly formatted: incomplete format" },
  { file: '/srv/app/conf.d/x.conf', line: 2, column: 1, endLine: 2, endColumn: 13, severity: 'warning', ruleId: 'unknown-key', message: "Unknown key 'auto_restart', 100%, a,b: c\nnext" },
];
const ctx: FormatContext = {
  cwd: '/srv/app',
  color: false,
  sources: {
    'supervisord.conf': '[program:w]\ncommand=/bin/cat\nprocess_name=w-%(process_num)\n',
    '/srv/app/conf.d/x.conf': '[program:x]\nauto_restart=true\n',
  },
  rules: [
    { id: 'expansion', description: 'A bad % expansion.', severity: 'error', docs: 'Longer text.' },
    { id: 'unknown-key', description: 'An unknown key.', severity: 'warning', docs: 'Docs.' },
  ],
  toolVersion: '0.1.0',
};

test('json: the DESIGN §3 shape, [] when clean', () => {
  assert.equal(formatJson([], ctx).trim(), '[]');
  const out = JSON.parse(formatJson(diags, ctx));
  assert.deepEqual(Object.keys(out[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message']);
  assert.equal(out[1].file, '/srv/app/conf.d/x.conf');
});

test('stylish: location, severity, message, rule, source line and caret; no colour when off', () => {
  const out = formatStylish(diags, ctx);
  assert.match(out, /^supervisord\.conf:3:14: error: Format string .* \[expansion\]$/m);
  assert.match(out, /^ {2}3 \| process_name=w-%\(process_num\)$/m);
  assert.match(out, /^ {2} {2}\| {14}\^{16}$/m);
  assert.match(out, /^conf\.d\/x\.conf:2:1: warning: /m);
  assert.match(out, /2 problems \(1 error, 1 warning\)/);
  assert.doesNotMatch(out, /\u001b\[/);
  assert.match(formatStylish(diags, { ...ctx, color: true }), /\u001b\[31merror/);
  assert.equal(formatStylish([], ctx), '');
});

test('stylish: a finding without a source line still prints its location', () => {
  const out = formatStylish([{ ...diags[0]!, file: 'gone.conf' }], ctx);
  assert.match(out, /^gone\.conf:3:14: error:/);
});

test('github: workflow commands with escaped data and properties', () => {
  const out = formatGithub(diags, ctx).split('\n');
  assert.equal(out[0], "::error file=supervisord.conf,line=3,col=14,endLine=3,endColumn=43,title=expansion::Format string 'w-%25(process_num)' is badly formatted: incomplete format");
  assert.equal(out[1], "::warning file=conf.d/x.conf,line=2,col=1,endLine=2,endColumn=13,title=unknown-key::Unknown key 'auto_restart', 100%25, a,b: c%0Anext");
  assert.equal(formatGithub([{ ...diags[0]!, file: 'a,b:c.conf' }], ctx).split(',')[0], '::error file=a%2Cb%3Ac.conf');
});

test('sarif: 2.1.0 with rules, help, levels and relative URIs', () => {
  const log = JSON.parse(formatSarif(diags, ctx));
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'gen-supervisor');
  const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'unknown-key');
  assert.equal(rule.shortDescription.text, 'An unknown key.');
  assert.equal(rule.help.text, 'Docs.');
  assert.equal(rule.defaultConfiguration.level, 'warning');
  assert.equal(run.results[0].level, 'error');
  assert.deepEqual(run.results[1].locations[0].physicalLocation.artifactLocation, { uri: 'conf.d/x.conf', uriBaseId: '%SRCROOT%' });
  assert.equal(run.results[1].locations[0].physicalLocation.region.startLine, 2);
  assert.equal(run.results[1].ruleIndex, run.tool.driver.rules.indexOf(rule));
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///srv/app/');
});

test('colour only on a TTY, never with NO_COLOR', () => {
  assert.equal(colorEnabled(true, {}), true);
  assert.equal(colorEnabled(false, {}), false);
  assert.equal(colorEnabled(undefined, {}), false);
  assert.equal(colorEnabled(true, { NO_COLOR: '1' }), false);
});

test('formatterFor knows the four formats only', () => {
  for (const f of ['stylish', 'json', 'sarif', 'github']) assert.equal(typeof formatterFor(f), 'function');
  assert.equal(formatterFor('xml'), undefined);
});
