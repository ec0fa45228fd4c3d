import { fail, ok, type Codec } from './types.js';
import { pyRepr } from './python.js';

export const LOG_LEVELS = ['critical', 'error', 'warn', 'info', 'debug', 'trace', 'blather'] as const;
export type StandardLogLevel = (typeof LOG_LEVELS)[number];
/**
 * supervisord looks the lowercased name up with getattr() on a class, so these attribute names
 * are accepted too (and crash supervisord later). Kept so that parse matches supervisord.
 */
export type DunderLogLevel = `__${string}__`;
export type LogLevel = StandardLogLevel | DunderLogLevel;

export const LOGLEVEL_DUNDERS: readonly string[] = [
  '__class__', '__delattr__', '__dict__', '__dir__', '__eq__', '__format__', '__ge__',
  '__getattribute__', '__getstate__', '__gt__', '__hash__', '__init__', '__init_subclass__',
  '__le__', '__lt__', '__module__', '__ne__', '__new__', '__reduce__', '__reduce_ex__',
  '__repr__', '__setattr__', '__sizeof__', '__str__', '__subclasshook__', '__weakref__',
];

export const isStandardLogLevel = (v: string): v is StandardLogLevel =>
  (LOG_LEVELS as readonly string[]).includes(v);

/** supervisor.datatypes.logging_level (`warning` is not a level). */
export const logLevelCodec: Codec<LogLevel> = {
  name: 'loglevel',
  parse(text) {
    const lowered = text.toLowerCase();
    if (isStandardLogLevel(lowered)) return ok(lowered);
    if (LOGLEVEL_DUNDERS.includes(lowered)) return ok(lowered as DunderLogLevel);
    return fail(`bad logging level name ${pyRepr(text)}`);
  },
  format(value) {
    if (!isStandardLogLevel(value)) {
      return fail(`${pyRepr(String(value))} is not a log level; use one of ${LOG_LEVELS.join(', ')}`);
    }
    return ok(value);
  },
};
