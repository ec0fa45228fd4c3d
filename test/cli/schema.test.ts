import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, scenarios } from './support.js';

const schemaFile = () => JSON.parse(readFileSync(join(ROOT, 'schemas', 'workers.schema.json'), 'utf8')) as unknown;

scenarios('gen-supervisor schema', [
  {
    name: 'schema',
    args: ['schema'],
    expected: { exitCode: 0, stderr: '', stdout: (s) => assert.deepEqual(JSON.parse(s), schemaFile()) },
  },
  {
    name: 'schema-extra-argument',
    args: ['schema', 'extra'],
    expected: { exitCode: 2, stdout: '', stderr: /too many arguments/ },
  },
]);
