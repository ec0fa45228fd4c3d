/**
 * ajv's errors turned into plain sentences located at the YAML: the key for an unknown key,
 * the value otherwise; "did you mean X?" for misspelt keys.
 */
import type { Diagnostic } from '../core/diagnostic.js';
import { closest } from './suggest.js';
import { buildWorkersSchema, type JsonSchema } from './schema.js';
import type { AjvError } from './validator.js';
import type { DataPath, YamlSource } from './yaml-source.js';

let schemaCache: JsonSchema | null = null;
function schemaAt(pointer: string): JsonSchema {
  schemaCache ??= buildWorkersSchema();
  let node: unknown = schemaCache;
  for (const part of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return (node ?? {}) as JsonSchema;
}

function parentSchema(e: AjvError): JsonSchema {
  return schemaAt(e.schemaPath.split('/').slice(0, -1).join('/'));
}

function toPath(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** `programs.web.numprocs`, or `the file` for the top level. */
export function describePath(path: DataPath): string {
  if (path.length === 0) return 'the file';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

function valueAt(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const p of path) v = (v as Record<string | number, unknown> | undefined)?.[p];
  return v;
}

function patternMessage(e: AjvError, where: string, value: unknown): string {
  const pattern = String(e.params.pattern);
  if (e.propertyName !== undefined) {
    return `${where}: ${show(e.propertyName)} is not a valid name here: use letters, digits and _ (not starting with a digit)`;
  }
  if (pattern.includes('[kKmMgG]')) return `${where} must be a size such as 50MB, 10KB, 1GB or a number of bytes, not ${show(value)}`;
  if (pattern.includes('[0-7]')) return `${where} must be an octal number written as a string, such as "022" or "0700", not ${show(value)}`;
  return `${where} must match ${pattern}, not ${show(value)}`;
}

interface Sentence {
  message: string;
  at: 'key' | 'value';
  path: DataPath;
}

function sentence(e: AjvError, data: unknown): Sentence | null {
  const path = toPath(e.instancePath);
  const where = describePath(path);
  const value = valueAt(data, path);
  const p = e.params;
  switch (e.keyword) {
    case 'if':
    case 'propertyNames':
      return null; // the failing inner keyword is reported on its own
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((parentSchema(e).properties as object | undefined) ?? {});
      const guess = closest(key, allowed);
      const hint = guess ? `; did you mean ${guess}?` : allowed.length && allowed.length <= 12 ? ` (allowed: ${allowed.join(', ')})` : '';
      const inside = path.length ? ` in ${where}` : '';
      return { message: `unknown key ${show(key)}${inside}${hint}`, at: 'key', path: [...path, key] };
    }
    case 'required':
      if (path.length === 0 && p.missingProperty === 'version') return { message: 'the file needs version: 1 (the format version) at the top level', at: 'key', path };
      return { message: `${where} needs ${show(p.missingProperty)}`, at: 'key', path };
    case 'dependencies': {
      const socketOnly = p.missingProperty === 'socket';
      const message = socketOnly
        ? `${where}: ${show(p.property)} applies only to a unix socket (socket:)`
        : `${where}: ${show(p.property)} needs ${show(p.missingProperty)} too (supervisord requires both or neither)`;
      return { message, at: 'key', path: [...path, String(p.property)] };
    }
    case 'anyOf':
      return { message: `${where} needs socket: (a unix socket path) or inet: (HOST:PORT); write control: false for neither`, at: 'key', path };
    case 'not':
      return { message: `${where} takes socket: or inet:, not both`, at: 'key', path };
    case 'type':
      if (typeof value === 'number' && String((parentSchema(e) as JsonSchema).pattern ?? '').includes('[0-7]')) {
        return { message: `${where} must be an octal string such as "022" or "0700" (quoted: YAML reads ${value} as a plain number)`, at: 'value', path };
      }
      return { message: `${where} must be ${typeWords(p.type)}, not ${show(value)}`, at: 'value', path };
    case 'const':
      if (path.length === 1 && path[0] === 'control') return { message: `control must be a mapping or false, not ${show(value)}`, at: 'value', path };
      return { message: `${where} must be ${show(p.allowedValue)}, not ${show(value)}`, at: 'value', path };
    case 'enum': {
      const values = (p.allowedValues as unknown[]).map((v) => show(v)).join(', ');
      return { message: `${where} must be one of ${values}, not ${show(value)}`, at: 'value', path };
    }
    case 'pattern':
      return { message: patternMessage(e, where, value), at: e.propertyName !== undefined ? 'key' : 'value', path: e.propertyName !== undefined ? [...path, e.propertyName] : path };
    case 'minimum':
      return { message: `${where} must be at least ${String(p.limit)}, not ${show(value)}`, at: 'value', path };
    case 'maximum':
      return { message: `${where} must be at most ${String(p.limit)}, not ${show(value)}`, at: 'value', path };
    case 'minLength':
      return { message: `${where} must not be empty`, at: 'value', path };
    case 'minItems':
      return { message: `${where} must not be an empty list`, at: 'value', path };
    case 'uniqueItems': {
      const items = value as unknown[];
      return { message: `${where} lists ${show(items[Number(p.j)])} twice`, at: 'value', path: [...path, Number(p.i)] };
    }
    default:
      return { message: `${where} ${e.message ?? 'is not valid'}`, at: 'value', path };
  }
}

/** One diagnostic per schema violation, in file order, without ajv's noise. */
export function schemaDiagnostics(errors: readonly AjvError[], source: YamlSource): Diagnostic[] {
  // A misspelt key that stands for a missing required one is said once ("did you mean").
  const guessed = new Set<string>();
  const sentences = errors.map((e) => sentence(e, source.data)).filter((s): s is Sentence => s !== null);
  for (const s of sentences) {
    const m = /did you mean (.+)\?$/.exec(s.message);
    if (m) guessed.add(`${describePath(s.path.slice(0, -1))}|"${m[1]}"`);
  }
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const s of sentences) {
    const req = /^(.*) needs ("[^"]*")$/.exec(s.message);
    if (req && guessed.has(`${req[1]}|${req[2]}`)) continue;
    const pos = source.locate(s.path, s.at);
    const key = `${pos.line}:${pos.column}:${s.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...pos, severity: 'error', ruleId: 'workers-schema', message: s.message });
  }
  return out;
}
