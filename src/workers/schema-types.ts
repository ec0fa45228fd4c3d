import type { OptionSpec, ValueType } from '../catalogue/types.js';

/** A JSON Schema (draft-07) node; kept loose on purpose, it is written out as JSON. */
export type JsonSchema = { [key: string]: unknown };

const LOG_LEVELS = ['critical', 'error', 'warn', 'info', 'debug', 'trace', 'blather'];

/** How a workers.yaml value of each supervisord type is written in YAML. */
function shapeOf(type: ValueType): JsonSchema {
  switch (type) {
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer' };
    case 'bytesize':
      return { type: ['integer', 'string'], minimum: 0, pattern: '^[0-9]+ *([kKmMgG][bB])?$' };
    case 'octal':
      return { type: 'string', pattern: '^(0[oO])?[0-7]+$' };
    case 'signal':
      return { type: ['string', 'integer'] };
    case 'exitcodes':
      return {
        type: ['array', 'string'],
        items: { type: 'integer', minimum: 0, maximum: 255 },
        uniqueItems: true,
      };
    case 'autorestart':
      return { enum: [true, false, 'unexpected'] };
    case 'loglevel':
      return { enum: LOG_LEVELS };
    case 'stringlist':
    case 'events':
      return { type: ['array', 'string'], items: { type: 'string', minLength: 1 } };
    case 'inetaddr':
      return { type: ['string', 'integer'] };
    case 'environment':
      return {
        type: 'object',
        propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        additionalProperties: { type: ['string', 'number', 'boolean'] },
      };
    case 'command':
      return {
        type: ['string', 'array'],
        minLength: 1,
        minItems: 1,
        items: { type: ['string', 'number'] },
      };
    case 'globlist':
      return { type: 'array', items: { type: 'string', minLength: 1 } };
    default:
      return { type: 'string' };
  }
}

/** supervisord's default, as the YAML value that means it (for editors' hints). */
function defaultValue(spec: OptionSpec): unknown {
  const d = spec.default as string;
  if (spec.type === 'boolean') return d === 'true';
  if (spec.type === 'integer') return Number(d);
  if (spec.type === 'autorestart') return d === 'unexpected' ? d : d === 'true';
  if (spec.type === 'exitcodes') return d.split(',').map(Number);
  return d;
}

/** The schema of one option, its description taken from the catalogue. */
export function optionSchema(spec: OptionSpec): JsonSchema {
  const schema: JsonSchema = { description: spec.doc, ...shapeOf(spec.type) };
  if (spec.min !== undefined) schema.minimum = spec.min;
  if (spec.max !== undefined) schema.maximum = spec.max;
  if (spec.default !== null && spec.default !== '') schema.default = defaultValue(spec);
  return schema;
}

/** An object schema whose properties are the given options, nothing else allowed. */
export function optionsObject(options: readonly OptionSpec[], doc: string, required: string[] = []): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const o of options) properties[o.key] = optionSchema(o);
  return {
    type: 'object',
    description: doc,
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
}
