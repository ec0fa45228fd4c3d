/**
 * The JSON Schema of workers.yaml, generated from the option catalogue so that option names,
 * types and docs are never listed twice. scripts/build-schema.mjs writes it to
 * schemas/workers.schema.json; a test keeps the committed file equal to this.
 */
import { optionSpec, sectionSpec } from '../catalogue/index.js';
import type { OptionSpec, SectionKind } from '../catalogue/types.js';
import { type JsonSchema, optionSchema, optionsObject } from './schema-types.js';

export type { JsonSchema } from './schema-types.js';

export const SCHEMA_ID = 'https://gen-supervisor.dev/schemas/workers.schema.json';

/** Keys of the top level, of `control:` and of a group object (used for "did you mean"). */
export const TOP_KEYS = [
  '$schema', 'version', 'vars', 'supervisord', 'control', 'defaults',
  'programs', 'eventlisteners', 'fcgi_programs', 'groups', 'include',
] as const;

/** The workers.yaml map holding each process section kind. */
export const PROCESS_MAPS = {
  programs: 'program',
  eventlisteners: 'eventlistener',
  fcgi_programs: 'fcgi-program',
} as const satisfies Record<string, SectionKind>;

function spec(kind: SectionKind, key: string): OptionSpec {
  const s = optionSpec(kind, key);
  if (!s) throw new Error(`catalogue has no ${kind}.${key}`);
  return s;
}

function described(kind: SectionKind, key: string, doc?: string): JsonSchema {
  const s = optionSchema(spec(kind, key));
  return doc ? { ...s, description: `${doc} ${s.description as string}` } : s;
}

function controlSchema(): JsonSchema {
  const unix = sectionSpec('unix_http_server');
  return {
    description:
      'How supervisorctl reaches supervisord: `socket` (a unix socket) or `inet` (HOST:PORT), ' +
      'emitted as [unix_http_server] or [inet_http_server] + [rpcinterface:supervisor] + ' +
      '[supervisorctl]; `false` (or leaving it out) emits none of them.',
    if: { type: 'boolean' },
    then: { const: false },
    else: {
      type: 'object',
      properties: {
        socket: described('unix_http_server', 'file', 'Unix socket path (absolute, or starting with %(here)s).'),
        chmod: described('unix_http_server', 'chmod'),
        chown: described('unix_http_server', 'chown'),
        inet: described('inet_http_server', 'port', 'TCP address of the HTTP server.'),
        username: described('unix_http_server', 'username'),
        password: described('unix_http_server', 'password'),
      },
      additionalProperties: false,
      dependencies: { username: ['password'], password: ['username'], chmod: ['socket'], chown: ['socket'] },
      anyOf: [{ required: ['socket'] }, { required: ['inet'] }],
      not: { required: ['socket', 'inet'] },
      description: unix.doc,
    },
  };
}

function processMap(kind: SectionKind, required: string[], doc: string): JsonSchema {
  const section = sectionSpec(kind);
  return {
    type: 'object',
    description: doc,
    additionalProperties: optionsObject(section.options, section.doc, required),
  };
}

function groupsSchema(): JsonSchema {
  const programs = described('group', 'programs');
  const list: JsonSchema = { ...programs, type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };
  delete list.pattern;
  return {
    type: 'object',
    description: `${sectionSpec('group').doc} NAME: [programs] or {programs, priority}.`,
    additionalProperties: {
      if: { type: 'array' },
      then: list,
      else: {
        type: 'object',
        properties: { programs: list, priority: described('group', 'priority') },
        required: ['programs'],
        additionalProperties: false,
      },
    },
  };
}

/** The whole schema, deterministic (same catalogue, same JSON). */
export function buildWorkersSchema(): JsonSchema {
  const defaults = sectionSpec('program').options.filter((o) => o.key !== 'command');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'gen-supervisor worker description',
    description:
      'A compact description of supervisord programs; `gen-supervisor workers.yaml > supervisord.conf`. ' +
      'Option names are supervisord\'s own. In every string, ${name} takes --var then vars:, ${env:NAME} the ' +
      'environment, and $${ is a literal ${. `%(name)s`-style specs (a Python format after %(name)) are ' +
      'supervisord expansions, kept and checked; %% is one literal %; any other % is literal. ' +
      'A literal % is escaped for supervisord by the generator.',
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'The schema this file follows (for editors).' },
      version: { const: 1, description: 'Format version of this file: 1.' },
      vars: {
        type: 'object',
        description: 'Values for ${name} in every string; `--var name=value` overrides them.',
        propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$' },
        additionalProperties: { type: ['string', 'number', 'boolean'] },
      },
      supervisord: optionsObject(sectionSpec('supervisord').options, sectionSpec('supervisord').doc),
      control: controlSchema(),
      defaults: optionsObject(defaults, 'Program options merged under every program, event listener and FastCGI program (environment maps merge key by key).'),
      programs: processMap('program', ['command'], 'NAME: options of [program:NAME].'),
      eventlisteners: processMap('eventlistener', ['command', 'events'], 'NAME: options of [eventlistener:NAME].'),
      fcgi_programs: processMap('fcgi-program', ['command', 'socket'], 'NAME: options of [fcgi-program:NAME].'),
      groups: groupsSchema(),
      include: { ...described('include', 'files'), type: 'array', items: { type: 'string', minLength: 1 } },
    },
    patternProperties: {
      '^x-': { description: 'Ignored: a place for YAML anchors (&name) reused with <<: *name.' },
    },
    required: ['version'],
    additionalProperties: false,
  };
}
