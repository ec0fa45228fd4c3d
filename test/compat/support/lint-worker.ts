// Worker thread of the lint pool: lints one job at a time with lintFiles and answers with the
// diagnostics, the JSON formatter's text and the time taken, or with what it threw. Running
// here lets the pool stop a linter that never returns (Worker.terminate interrupts even a
// synchronous loop) and name the config that caused it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { lintFiles } from '../../../src/lint/lint-files.js';
import { ruleMeta } from '../../../src/lint/registry.js';
import { formatJson } from '../../../src/formatters/json.js';
import { UserError } from '../../../src/core/errors.js';
import type { LintJob, LintOutcome } from './lint-pool.js';

const port = parentPort!;
const rules = ruleMeta();

port.on('message', (job: LintJob) => {
  const start = performance.now();
  let outcome: LintOutcome;
  try {
    const r = lintFiles(job.files, { host: job.host, cwd: job.cwd, env: job.env });
    const json = formatJson(r.diagnostics, { cwd: job.cwd, color: false, sources: r.sources, rules });
    outcome = { id: job.id, ms: performance.now() - start, diagnostics: r.diagnostics, files: r.files, json, exitCode: r.exitCode };
  } catch (e) {
    const err = e as Error;
    outcome = {
      id: job.id,
      ms: performance.now() - start,
      thrown: `${e instanceof UserError ? 'UserError' : err?.name ?? 'throw'}: ${err?.message ?? String(e)}\n${err?.stack ?? ''}`,
    };
  }
  port.postMessage(outcome);
});
// A few lints before the first job, so that the per-config time bound is not spent compiling.
const warm = mkdtempSync(join(tmpdir(), 'gs-lint-warm-'));
try {
  writeFileSync(
    join(warm, 'w.conf'),
    '[supervisord]\nlogfile=%(here)s/w.log\n\n[unix_http_server]\nfile=%(here)s/s.sock\n\n[program:w]\ncommand=/bin/sh -c "exec sleep 1"\n' +
      'process_name=%(program_name)s_%(process_num)02d\nnumprocs=2\nenvironment=A="1",B="2"\nuser=nobody\n\n[eventlistener:e]\ncommand=x\nevents=TICK_5\n',
  );
  for (let i = 0; i < 5; i++) {
    const r = lintFiles(['w.conf'], { host: true, cwd: warm, env: { PATH: '/usr/bin:/bin' } });
    formatJson(r.diagnostics, { cwd: warm, color: false, sources: r.sources, rules });
  }
} finally {
  rmSync(warm, { recursive: true, force: true });
}
port.postMessage({ ready: true });
