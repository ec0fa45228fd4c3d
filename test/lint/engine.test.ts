import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeIni } from '../../src/ini/merge.js';
import { readIni } from '../../src/ini/reader.js';
import { finish, runRules } from '../../src/lint/engine.js';
import { COVERED_REFUSAL_IDS, RULES } from '../../src/lint/registry.js';
import type { IniLintContext, Rule } from '../../src/lint/types.js';
import { supervisordRefusal } from '../../src/lint/rules/supervisord-refusal.js';
import { missingConversionHint } from '../../src/lint/hints.js';

function ctxFor(text: string, refusals: IniLintContext['refusals'] = []): IniLintContext {
  const doc = readIni(text, 'a.conf');
  return {
    kind: 'ini', mainFile: 'a.conf', mode: 'fragment', docs: [doc], ini: mergeIni([doc]), config: null, refusals,
    coveredRefusalIds: COVERED_REFUSAL_IDS, host: false, env: {}, cwd: '/tmp', displayPath: (f) => f,
  };
}

test('engine stamps rule id and default severity, skips host rules offline', () => {
  const rule: Rule = { id: 'r', description: 'd', severity: 'warning', docs: '', check: (_c, report) => report({ line: 2, column: 3, message: 'm' }) };
  const hostRule: Rule = { ...rule, id: 'h', host: true };
  const out = runRules(ctxFor('[program:a]\n'), [rule, hostRule]);
  assert.deepEqual(out, [{ file: 'a.conf', line: 2, column: 3, severity: 'warning', ruleId: 'r', message: 'm' }]);
});

test('finish fills ends, sorts, drops repeats and disabled findings', () => {
  const src = { 'a.conf': '[program:a]\n; gen-supervisor-disable-next-line r\nx=1\ny=2\n' };
  const d = (line: number) => ({ file: 'a.conf', line, column: 1, severity: 'warning' as const, ruleId: 'r', message: 'm' });
  const out = finish([d(4), d(3), d(4)], src);
  assert.deepEqual(out, [{ ...d(4), endLine: 4, endColumn: 4 }]);
});

test('refusals of an id no rule covers still reach the output (catch-all)', () => {
  const refusal = { file: 'a.conf', line: 1, column: 1, severity: 'error' as const, ruleId: 'brand-new-family', message: 'Error text' };
  const covered = { ...refusal, ruleId: 'invalid-value', message: 'covered' };
  const out = runRules(ctxFor('[program:a]\n', [refusal, covered]), [supervisordRefusal]);
  assert.deepEqual(out.map((x) => [x.ruleId, x.message]), [['supervisord-refusal', 'Error text']]);
  const all = runRules(ctxFor('[program:a]\n', [refusal, covered]), RULES);
  assert.deepEqual(all.filter((x) => x.severity === 'error').map((x) => x.ruleId).sort(), ['invalid-value', 'supervisord-refusal']);
});

test('missing conversion hint shows the fix, after supervisord\'s text', () => {
  const message = "Format string 'my-app-worker-%(process_num)' for 'process_name' is badly formatted: incomplete format in section 'program:a' (file: 's.conf')";
  const d = { file: 's.conf', line: 3, column: 14, severity: 'error' as const, ruleId: 'expansion', message };
  assert.equal(missingConversionHint(d), "The conversion character is missing after %(process_num) (at the end): write %(process_num)02d or %(process_num)s, e.g. 'my-app-worker-%(process_num)02d'");
  assert.match(missingConversionHint({ ...d, message: "Format string '%(program_name)b' for 'program:a.command' is badly formatted: unsupported format character 'b' (0x62) at index 15" })!, /after %\(program_name\) \(before 'b'\): write %\(program_name\)s/);
  assert.equal(missingConversionHint({ ...d, message: 'Format string \'100%\' for \'program:a.command\' is badly formatted: incomplete format' }), "A '%' that does not start %(name)s must be written '%%' for a literal percent sign: '100%%'");
  assert.equal(missingConversionHint({ ...d, message: 'something else' }), undefined);
  assert.match(missingConversionHint({ ...d, message: "Format string '/home/%USER%/x' for 'program:a.directory' is badly formatted: unsupported format character 'U' (0x55) at index 7" })!, /write %\(ENV_USER\)s/);
  assert.match(missingConversionHint({ ...d, message: "Format string 'date +%d' for 'program:a.command' is badly formatted: %d format: a real number is required, not dict" })!, /'date \+%%d'/);
});
