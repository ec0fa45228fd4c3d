import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MainLog, formatLogLine, levelNumber } from '../../../src/runner/host/main-log.js';
import { tempDir } from '../../support/tmp.js';

test('formatLogLine: local time, comma milliseconds, level name', () => {
  assert.equal(formatLogLine(new Date(2026, 10, 30, 8, 57, 45, 123), 'INFO', 'supervisord started with pid 42'),
    '2026-11-30 08:57:45,123 INFO supervisord started with pid 42');
  assert.equal(formatLogLine(new Date(2026, 0, 2, 3, 4, 5, 6), 'DEBG', "'a' stdout output:\nx\n"),
    "2026-01-02 03:04:05,006 DEBG 'a' stdout output:\nx\n");
});

test('levels: loglevel names as in supervisord', () => {
  assert.deepEqual(['critical', 'error', 'warn', 'info', 'debug', 'trace', 'blather'].map(levelNumber), [50, 40, 30, 20, 10, 5, 3]);
});

test('MainLog: filters by loglevel, writes the console sink and the rotating file', () => {
  const dir = tempDir('gs-mainlog-');
  const file = join(dir, 'supervisord.log');
  const seen: string[] = [];
  const at = new Date(2026, 10, 30, 8, 57, 45, 123);
  const log = new MainLog({ file, maxbytes: 100, backups: 1, loglevel: 'info', console: (t) => seen.push(t), now: () => at });
  log.log('DEBG', 'hidden');
  log.log('INFO', 'spawned: \'a\' with pid 1');
  log.log('WARN', 'exited: a (exit status 1; not expected)');
  assert.equal(log.enabled('DEBG'), false);
  assert.deepEqual(seen, [
    "2026-11-30 08:57:45,123 INFO spawned: 'a' with pid 1\n",
    '2026-11-30 08:57:45,123 WARN exited: a (exit status 1; not expected)\n',
  ]);
  // the two records are 110 bytes: rotated after the second
  const firstTwo = seen.join('');
  log.log('CRIT', 'after');
  log.close();
  assert.deepEqual(readdirSync(dir).sort(), ['supervisord.log', 'supervisord.log.1']);
  assert.equal(readFileSync(file + '.1', 'utf8'), firstTwo);
  assert.equal(readFileSync(file, 'utf8'), '2026-11-30 08:57:45,123 CRIT after\n');
});

test('MainLog without a file or a console is silent', () => {
  const log = new MainLog({ file: null, maxbytes: 0, backups: 0, loglevel: 'debug' });
  log.log('DEBG', 'nothing to see');
  assert.equal(log.enabled('DEBG'), true);
});
