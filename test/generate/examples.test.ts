// The documented examples generate cleanly (supervisord's parse of them depends on the host's
// folders and users, so the oracle suite covers the golden fixtures instead).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { generateFile } from '../../src/generate/file.js';

const dir = fileURLToPath(new URL('../../../fixtures/examples/', import.meta.url));

for (const name of ['workers', 'laravel', 'multi-app']) {
  test(`fixtures/examples/${name}.yaml generates`, () => {
    const r = generateFile(`${dir}${name}.yaml`, { env: { DEPLOY_ENV: 'production' } });
    assert.deepEqual(r.diagnostics, []);
    assert.match(r.text!, /\[program:/);
  });
}

test('the php queue worker example runs 3 processes as www-data with autorestart', () => {
  const text = generateFile(`${dir}workers.yaml`).text!;
  assert.match(text, /numprocs=3\n/);
  assert.match(text, /user=www-data\n/);
  assert.match(text, /autorestart=true\n/);
  assert.match(text, /command=php \/var\/www\/app\/artisan queue:work/);
});
