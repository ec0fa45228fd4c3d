import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { optionKeys, sectionSpec } from '../../src/catalogue/index.js';
import { AJV_OPTIONS } from '../../src/workers/ajv-options.js';
import { buildWorkersSchema } from '../../src/workers/schema.js';
import { schemaJson } from '../../src/workers/schema-json.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
type S = Record<string, any>;
const schema = buildWorkersSchema() as S;

test('the committed schemas/workers.schema.json is the one the catalogue generates', () => {
  assert.equal(readFileSync(`${root}schemas/workers.schema.json`, 'utf8'), schemaJson());
});

test('process option properties are exactly the catalogue keys, with the catalogue docs', () => {
  for (const [map, kind] of [['programs', 'program'], ['eventlisteners', 'eventlistener'], ['fcgi_programs', 'fcgi-program']] as const) {
    const props = schema.properties[map].additionalProperties.properties as S;
    assert.deepEqual(Object.keys(props), optionKeys(kind));
    for (const spec of sectionSpec(kind).options) assert.equal(props[spec.key].description, spec.doc);
  }
  assert.deepEqual(Object.keys(schema.properties.supervisord.properties), optionKeys('supervisord'));
});

test('every property has a description and every object forbids unknown keys', () => {
  const walk = (node: S, path: string): void => {
    if (!node || typeof node !== 'object') return;
    if (node.properties) {
      assert.equal(node.additionalProperties, false, `${path} allows unknown keys`);
      for (const [k, v] of Object.entries(node.properties as S)) {
        assert.ok((v as S).description, `${path}.${k} has no description`);
        walk(v as S, `${path}.${k}`);
      }
    }
    for (const key of ['additionalProperties', 'then', 'else', 'items']) if (node[key] && typeof node[key] === 'object') walk(node[key], `${path}/${key}`);
  };
  walk(schema, '');
});

test('the schema compiles with ajv and accepts the examples', async () => {
  const ajv = new Ajv.default({ ...AJV_OPTIONS, logger: false });
  const validate = ajv.compile(schema);
  const { parse } = await import('yaml');
  for (const name of ['workers', 'laravel', 'multi-app']) {
    const data = parse(readFileSync(`${root}fixtures/examples/${name}.yaml`, 'utf8'), { merge: true });
    assert.equal(validate(data), true, `${name}: ${JSON.stringify(validate.errors)}`);
  }
  assert.equal(validate({ version: 1, programs: { a: {} } }), false);
});
